/**
 * The daemon contains a code bucket made public, end to end: the real SDK against the local fake
 * AWS (AWS_ENDPOINT_URL), an S3 code store in the static inventory, a CloudTrail PutBucketPolicy
 * event (public policy) posted by EventBridge to the webhook, the `s3` family under its default
 * `approve` policy, `leakwatch incidents approve`, and the daemon's next incident pass. Counted at
 * the fake: PutPublicAccessBlock exactly once, including when the daemon is killed (-9) while
 * the fake holds back the reply to it (its change made) and is started again.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startDaemonProcess } from '../helpers/daemon-process.js';
import type { DaemonProcess } from '../helpers/daemon-process.js';
import { startFakeAws } from '../helpers/fake-aws.js';
import type { FakeAws } from '../helpers/fake-aws.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { fakeAwsProcessEnv } from '../helpers/fake-aws/fake-aws-process-env.js';

const NEVER = '0 0 1 1 *';
const EVERY_SECOND = '* * * * * *';
const BUCKET = 'payments-code-backups';
const TOKEN = ['hook', 'token', 'for', 'tests'].join('-');

function publicPolicyEvent(eventId: string): string {
  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` }] };
  return JSON.stringify({
    source: 'aws.s3',
    'detail-type': 'AWS API Call via CloudTrail',
    detail: {
      eventID: eventId,
      eventName: 'PutBucketPolicy',
      eventTime: '2026-12-01T10:00:00Z',
      awsRegion: 'eu-west-1',
      sourceIPAddress: '203.0.113.9',
      recipientAccountId: '111122223333',
      userIdentity: { arn: 'arn:aws:iam::111122223333:user/mallory' },
      requestParameters: { bucketName: BUCKET, bucketPolicy: policy },
    },
  });
}

function status(dbFile: string): { incidents: number; contained: number } {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
    return { incidents: count('SELECT count(*) FROM incidents'), contained: count("SELECT count(*) FROM incidents WHERE status = 'contained'") };
  } finally {
    db.close();
  }
}

describe('daemon: S3 Block Public Access of a public code bucket (real SDK, fake AWS)', () => {
  let aws: FakeAws;
  const daemons: DaemonProcess[] = [];

  afterEach(async () => {
    for (const d of daemons.splice(0)) if (d.child.exitCode === null && d.child.signalCode === null) d.child.kill('SIGKILL');
    await aws?.close();
  });
  afterAll(() => removeTempDirs());

  async function setUp(): Promise<{ root: string; configFile: string; env: NodeJS.ProcessEnv; start: () => Promise<{ daemon: DaemonProcess; url: string }> }> {
    aws = await startFakeAws({ account: '111122223333', users: {} });
    aws.buckets.set(BUCKET, { objects: new Map() });
    const root = tempDir();
    writeFileSync(join(root, 'inventory.yaml'), `repositories:\n  - kind: s3\n    bucket: ${BUCKET}\n    region: eu-west-1\n    owner: owner@example.test\n    classification: confidential\n`);
    const configFile = join(root, 'config.yaml');
    writeFileSync(configFile, [
      `dataDir: ${join(root, 'data')}`,
      'logLevel: debug',
      `inventory: { staticFile: ${join(root, 'inventory.yaml')} }`,
      `schedule: { inventoryRefresh: '${NEVER}', mirrorScan: '${NEVER}', watch: '${NEVER}', escalation: '${EVERY_SECOND}' }`,
      'http: { host: 127.0.0.1, port: 0 }',
      '',
    ].join('\n'));
    const env: NodeJS.ProcessEnv = {
      LEAKWATCH_HTTP_WEBHOOK_TOKEN: TOKEN,
      ...fakeAwsProcessEnv(aws.url, root),
    };
    const start = async () => {
      const daemon = startDaemonProcess(configFile, env, root);
      daemons.push(daemon);
      const listening = await daemon.waitForLog((l) => l['msg'] === 'Daemon listening');
      await daemon.waitForLog((l) => l['msg'] === 'Inventory refreshed');
      return { daemon, url: String(listening['url']) };
    };
    return { root, configFile, env, start };
  }

  async function post(url: string, body: string): Promise<number> {
    const answer = await fetch(`${url}/webhook/codecommit`, { method: 'POST', body, headers: { 'x-leakwatch-token': TOKEN } });
    await answer.text();
    return answer.status;
  }

  function approve(root: string, configFile: string): string {
    const list = JSON.parse(runCli(['incidents', 'list', '--format', 'json', '--config', configFile], {}, root).stdout) as Array<{ id: string; policy: string }>;
    expect(list).toHaveLength(1);
    expect(list[0]!.policy).toBe('approve');
    expect(runCli(['incidents', 'approve', list[0]!.id, '--config', configFile], {}, root).code).toBe(0);
    return list[0]!.id;
  }

  const passes = (d: DaemonProcess) => d.lines.filter((l) => l['msg'] === 'Incident pass finished').length;
  async function passesAfter(d: DaemonProcess, n: number): Promise<void> {
    const target = passes(d) + n;
    while (passes(d) < target) await d.waitForLog(() => true, d.lines.length);
  }

  it('opens the incident from the webhook, changes nothing before approval, then calls PutPublicAccessBlock once', async () => {
    const { root, configFile, start } = await setUp();
    const { daemon, url } = await start();
    expect(await post(url, publicPolicyEvent('ev-1'))).toBe(202);
    expect(await post(url, publicPolicyEvent('ev-1'))).toBe(202);
    await passesAfter(daemon, 2);
    expect(status(join(root, 'data', 'state.db')).incidents).toBe(1);
    expect(aws.count('PutPublicAccessBlock')).toBe(0);

    approve(root, configFile);
    while (status(join(root, 'data', 'state.db')).contained === 0) await passesAfter(daemon, 1);
    await passesAfter(daemon, 3);
    expect(aws.count('PutPublicAccessBlock')).toBe(1);
    expect(aws.buckets.get(BUCKET)!.publicAccessBlock).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
    const shown = runCli(['incidents', 'show', JSON.parse(runCli(['incidents', 'list', '--format', 'json', '--config', configFile], {}, root).stdout)[0].id, '--config', configFile], {}, root).stdout;
    expect(shown).toContain(`aws s3api delete-public-access-block --bucket ${BUCKET}`);
  }, 180_000);

  it('killed -9 while PutPublicAccessBlock\'s reply is held back (the change made), restarted: still exactly one call', async () => {
    const { root, configFile, start } = await setUp();
    const first = await start();
    expect(await post(first.url, publicPolicyEvent('ev-2'))).toBe(202);
    const held = aws.holdCall('PutPublicAccessBlock');
    approve(root, configFile);
    await held.reached;
    first.daemon.child.kill('SIGKILL');
    expect((await first.daemon.exited).signal).toBe('SIGKILL');
    expect(status(join(root, 'data', 'state.db')).contained).toBe(0);
    held.release();

    const second = await start();
    while (status(join(root, 'data', 'state.db')).contained === 0) await passesAfter(second.daemon, 1);
    await passesAfter(second.daemon, 3);
    expect(aws.count('PutPublicAccessBlock')).toBe(1);
    expect(aws.count('GetPublicAccessBlock')).toBe(2);
    expect(second.daemon.lines.some((l) => l['msg'] === 'Action was cut short; running it again under its idempotency key')).toBe(true);
  }, 180_000);
});
