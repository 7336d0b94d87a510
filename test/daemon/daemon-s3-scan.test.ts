/**
 * The daemon scans an inventoried S3 code store on its schedule, end to end: the real SDK against
 * the local fake AWS (AWS_ENDPOINT_URL), a bucket holding a zip whose member carries an AWS key
 * pair of a fake IAM user, the `aws` family under `auto`, the owner's e-mail through a real SMTP
 * server. The finding becomes exactly one incident and one message; the containment deactivates
 * the key once, which it can only do with the key re-read from S3 (the store keeps its hash).
 * Reruns read only objects whose ETag changed, counted at the fake's GetObject calls per key.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startDaemonProcess } from '../helpers/daemon-process.js';
import type { DaemonProcess } from '../helpers/daemon-process.js';
import { startFakeAws } from '../helpers/fake-aws.js';
import type { FakeAws } from '../helpers/fake-aws.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-credentials.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { makeZip } from '../helpers/make-archives.js';
import { parseMail } from '../helpers/parse-mime.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import type { SmtpSink } from '../helpers/smtp-sink.js';
import { fakeAwsProcessEnv } from '../helpers/fake-aws/fake-aws-process-env.js';

const NEVER = '0 0 1 1 *';
const EVERY_SECOND = '* * * * * *';
const BUCKET = 'payments-code-backups';
const ARCHIVE = 'releases/app-1.4.zip';
const README = 'releases/README.md';
const OWNER = 'owner@example.test';

function version(body: Buffer | string, n: number): { versionId: string; body: Buffer; lastModified: Date } {
  return { versionId: `v${n}`, body: Buffer.from(body), lastModified: new Date(Date.UTC(2026, 11, 1, 10, n)) };
}

function count(dbFile: string, sql: string): number {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('daemon: scheduled scan of an S3 code store (real SDK, fake AWS)', () => {
  let aws: FakeAws | undefined;
  let sink: SmtpSink | undefined;
  const daemons: DaemonProcess[] = [];

  afterEach(async () => {
    for (const d of daemons.splice(0)) if (d.child.exitCode === null && d.child.signalCode === null) d.child.kill('SIGKILL');
    await aws?.close();
    await sink?.close();
  });
  afterAll(() => removeTempDirs());

  /** GetObject calls the fake served for one key. */
  const gets = (key: string): number => aws!.calls.filter((c) => c.action === 'GetObject' && c.body.startsWith(`/${BUCKET}/${key}`)).length;
  const jobs = (d: DaemonProcess) => d.lines.filter((l) => l['msg'] === 'Code store job finished' || l['msg'] === 'Code store job failed');
  async function jobsAfter(d: DaemonProcess, n: number): Promise<Array<Record<string, unknown>>> {
    const from = jobs(d).length;
    while (jobs(d).length < from + n) await d.waitForLog(() => true, d.lines.length);
    return jobs(d).slice(from, from + n);
  }

  it('one incident and one message for a key in an archive member, the key deactivated once, and reruns read only changed objects', async () => {
    const keyId = fakeAccessKeyId();
    aws = await startFakeAws({ account: '111122223333', users: { deployer: [keyId] } });
    sink = await startSmtpSink();
    const source = `import boto3\naws_access_key_id = "${keyId}"\naws_secret_access_key = "${fakeSecretAccessKey()}"\n`;
    const zip = makeZip([{ name: 'app/deploy.py', data: source }, { name: 'app/main.py', data: 'print("hello")\n' }]);
    aws.buckets.set(BUCKET, { objects: new Map([[ARCHIVE, [version(zip, 1)]], [README, [version('# Releases\n', 1)]]]) });

    const root = tempDir();
    writeFileSync(join(root, 'inventory.yaml'), `repositories:\n  - kind: s3\n    bucket: ${BUCKET}\n    prefix: releases/\n    name: payments-releases\n    region: eu-west-1\n    owner: ${OWNER}\n    classification: confidential\n`);
    const configFile = join(root, 'config.yaml');
    writeFileSync(configFile, [
      `dataDir: ${join(root, 'data')}`,
      'logLevel: debug',
      `inventory: { staticFile: ${join(root, 'inventory.yaml')} }`,
      `schedule: { inventoryRefresh: '${NEVER}', mirrorScan: '${EVERY_SECOND}', watch: '${NEVER}', escalation: '${NEVER}' }`,
      'http: { host: 127.0.0.1, port: 0 }',
      'response:',
      '  policies: { aws: auto }',
      '  awsRegion: us-east-1',
      `  email: { channel: smtp, from: leakwatch@example.test, smtpUrl: 'smtp://127.0.0.1:${sink.port}' }`,
      '',
    ].join('\n'));
    const env: NodeJS.ProcessEnv = {
      ...fakeAwsProcessEnv(aws.url, root),
    };
    const daemon = startDaemonProcess(configFile, env, root);
    daemons.push(daemon);
    const dbFile = join(root, 'data', 'state.db');

    const [first] = await jobsAfter(daemon, 1);
    expect(first).toMatchObject({ msg: 'Code store job finished', outcome: 'ok', codeStore: `s3:${BUCKET}/releases/`, unreadObjects: 0, cachedObjects: 0 });
    await sink.waitForCount(1);
    // Later passes (unchanged objects) must add nothing: no GetObject for the scan, no incident, no message.
    const afterFirst = { archive: gets(ARCHIVE), readme: gets(README) };
    expect(afterFirst.readme).toBe(1);
    // The scan's read, and at most the containment's re-read of the key.
    expect(afterFirst.archive).toBeGreaterThanOrEqual(1);
    const unchanged = await jobsAfter(daemon, 2);
    for (const job of unchanged) expect(job).toMatchObject({ outcome: 'ok', cachedObjects: 2, scannedTexts: 0 });
    expect({ archive: gets(ARCHIVE), readme: gets(README) }).toEqual(afterFirst);

    // A new version of one object: only it is read again.
    aws.buckets.get(BUCKET)!.objects.get(README)!.push(version('# Releases\n\n1.4: payments\n', 2));
    await jobsAfter(daemon, 2);
    expect(gets(README)).toBe(2);
    expect(gets(ARCHIVE)).toBe(afterFirst.archive);

    expect(count(dbFile, 'SELECT count(*) FROM incidents')).toBe(1);
    expect(count(dbFile, "SELECT count(*) FROM incident_actions WHERE key = 'notify.owner.smtp' AND state = 'done'")).toBe(1);
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.to).toEqual([OWNER]);
    const text = parseMail(sink.received[0]!.raw).parts.find((p) => p.contentType.startsWith('text/plain'))!.body;
    expect(text).toContain(`Found in object: s3://${BUCKET}/${ARCHIVE}!app/deploy.py`);
    expect(text).toContain('First scanned:');
    expect(text).not.toContain('First commit');
    expect(sink.received[0]!.raw).not.toContain(keyId);
    // Deactivating the key needs its id, which only the S3 re-read gives.
    expect(aws.countBy('UpdateAccessKey', 'AccessKeyId')).toEqual(new Map([[keyId, 1]]));
    expect(daemon.stderr()).not.toContain(keyId);

    const metrics = await (await fetch(`${String((await daemon.waitForLog((l) => l['msg'] === 'Daemon listening'))['url'])}/metrics`)).text();
    expect(metrics).toContain(`leakwatch_code_store_scan_ok{store="s3:${BUCKET}/releases/"} 1`);
    expect(metrics).toContain(`leakwatch_code_store_unread_objects{store="s3:${BUCKET}/releases/"} 0`);
  }, 180_000);
});
