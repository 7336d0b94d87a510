/**
 * The account's S3 Block Public Access removed, end to end: the real SDK against the local fake
 * AWS, an S3 code store in the static inventory, and in the fake's CloudTrail event history an
 * S3 Control DeletePublicAccessBlock (the account's, naming no bucket). The daemon's CloudTrail
 * indicator source finds it with LookupEvents on its watch schedule; the event concerns every S3
 * code store, so the store's incident opens under the `s3` family's default `approve` policy with
 * the event as evidence. Nothing changes before approval; once approved, with
 * `response.s3.blockAccountPublicAccess`, the containment turns Block Public Access on for the
 * bucket and, through S3 Control, for the account: PutPublicAccessBlock on s3-control exactly once.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startDaemonProcess } from '../helpers/daemon-process.js';
import type { DaemonProcess } from '../helpers/daemon-process.js';
import { startFakeAws } from '../helpers/fake-aws.js';
import type { FakeAws } from '../helpers/fake-aws.js';
import { fakeAwsEnv } from '../helpers/fake-aws/posture-account.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const NEVER = '0 0 1 1 *';
const EVERY_SECOND = '* * * * * *';
const ACCOUNT = '111122223333';
const BUCKET = 'payments-code-backups';
const ALL = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };

function incidents(dbFile: string): Array<{ id: string; status: string }> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    if (db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'incidents'").pluck().get() === 0) return [];
    return db.prepare('SELECT id, status FROM incidents').all() as Array<{ id: string; status: string }>;
  } finally {
    db.close();
  }
}

describe('daemon: CloudTrail DeletePublicAccessBlock on the account, then account-level containment (real SDK, fake AWS)', () => {
  let aws: FakeAws | undefined;
  const daemons: DaemonProcess[] = [];

  afterEach(async () => {
    for (const d of daemons.splice(0)) if (d.child.exitCode === null && d.child.signalCode === null) d.child.kill('SIGKILL');
    await aws?.close();
  });
  afterAll(() => removeTempDirs());

  it('opens the code store\'s incident from LookupEvents, changes nothing before approval, then calls s3-control PutPublicAccessBlock once', async () => {
    aws = await startFakeAws({ account: ACCOUNT, users: {} });
    aws.buckets.set(BUCKET, { objects: new Map() });
    // The account had Block Public Access until someone deleted it (the event below).
    aws.state.accountPublicAccessBlock = undefined;
    aws.state.events.push({
      eventID: ['ev', 'account', 'pab'].join('-'),
      eventName: 'DeletePublicAccessBlock',
      eventSource: 's3.amazonaws.com',
      eventTime: new Date(Date.now() - 10 * 60_000).toISOString(),
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.9',
      recipientAccountId: ACCOUNT,
      userIdentity: { arn: `arn:aws:iam::${ACCOUNT}:user/mallory`, userName: 'mallory' },
      requestParameters: { 'x-amz-account-id': ACCOUNT },
    });
    const root = tempDir();
    writeFileSync(join(root, 'inventory.yaml'), `repositories:\n  - kind: s3\n    bucket: ${BUCKET}\n    region: us-east-1\n    owner: owner@example.test\n    classification: confidential\n`);
    const configFile = join(root, 'config.yaml');
    writeFileSync(configFile, [
      `dataDir: ${join(root, 'data')}`,
      'logLevel: debug',
      `inventory: { staticFile: ${join(root, 'inventory.yaml')} }`,
      `schedule: { inventoryRefresh: '${NEVER}', mirrorScan: '${NEVER}', watch: '${EVERY_SECOND}', escalation: '${EVERY_SECOND}' }`,
      'http: { host: 127.0.0.1, port: 0 }',
      'watch: { sources: [aws-cloudtrail-code-stores] }',
      'indicators: { cloudtrail: true, regions: [us-east-1] }',
      'response: { awsRegion: us-east-1, s3: { blockAccountPublicAccess: true } }',
      '',
    ].join('\n'));
    const env = fakeAwsEnv(aws);
    const daemon = startDaemonProcess(configFile, env, root);
    daemons.push(daemon);
    const dbFile = join(root, 'data', 'state.db');
    const passes = () => daemon.lines.filter((l) => l['msg'] === 'Incident pass finished').length;
    const passesAfter = async (n: number) => {
      const target = passes() + n;
      while (passes() < target) await daemon.waitForLog(() => true, daemon.lines.length);
    };

    const delivered = await daemon.waitForLog((l) => l['msg'] === 'Indicator delivered' || l['msg'] === 'Indicator concerns none of our code; not acted on');
    expect(delivered).toMatchObject({ msg: 'Indicator delivered', source: 'cloudtrail', type: 'DeletePublicAccessBlock' });
    while (incidents(dbFile).length === 0) await passesAfter(1);
    // More watch cycles and incident passes: the same event joins nothing twice, and nothing changes unapproved.
    await passesAfter(3);
    expect(aws.count('LookupEvents')).toBeGreaterThan(1);
    expect(incidents(dbFile)).toHaveLength(1);
    expect(aws.count('PutAccountPublicAccessBlock')).toBe(0);
    expect(aws.count('PutPublicAccessBlock')).toBe(0);

    const list = JSON.parse(runCli(['incidents', 'list', '--format', 'json', '--config', configFile], env, root).stdout) as Array<{ id: string; policy: string }>;
    expect(list).toHaveLength(1);
    expect(list[0]!.policy).toBe('approve');
    const shown = runCli(['incidents', 'show', list[0]!.id, '--config', configFile], env, root).stdout;
    expect(shown).toContain('DeletePublicAccessBlock');
    expect(runCli(['incidents', 'approve', list[0]!.id, '--config', configFile], env, root).code).toBe(0);

    while (incidents(dbFile)[0]!.status !== 'contained') await passesAfter(1);
    await passesAfter(3);
    expect(aws.count('PutAccountPublicAccessBlock')).toBe(1);
    expect(aws.state.accountPublicAccessBlock).toEqual(ALL);
    expect(aws.count('PutPublicAccessBlock')).toBe(1);
    expect(aws.buckets.get(BUCKET)!.publicAccessBlock).toEqual(ALL);
    const after = runCli(['incidents', 'show', list[0]!.id, '--config', configFile], env, root).stdout;
    expect(after).toContain(`aws s3control delete-public-access-block --account-id ${ACCOUNT}`);
  }, 300_000);
});
