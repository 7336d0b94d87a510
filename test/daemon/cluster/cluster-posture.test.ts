/**
 * Posture checks on a cluster: two daemon processes on one PostgreSQL, the posture schedule's
 * runs fed through the cluster's queue as the cron would. The run that saw the account pass and
 * the run that sees it fail happen on different replicas (the first is stopped in between), and
 * the owner is told exactly once: the verdicts and the owed alerts are the cluster's, not a
 * replica's, so no replica takes a failure for its first-run baseline and none repeats a message.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueSchema, scheduleQueue } from '../../../src/daemon/cluster/cluster-queue-names.js';
import { startDaemonProcess } from '../../helpers/daemon-process.js';
import type { DaemonProcess } from '../../helpers/daemon-process.js';
import { startFakeAws } from '../../helpers/fake-aws.js';
import type { FakeAws } from '../../helpers/fake-aws.js';
import { POSTURE_USERS, PUBLIC_AMI, TOPIC, fakeAwsEnv, setUpPostureAccount } from '../../helpers/fake-aws/posture-account.js';
import { removeTempDirs, tempDir } from '../../helpers/git-repo.js';
import { startSmtpSink } from '../../helpers/smtp-sink.js';
import type { SmtpSink } from '../../helpers/smtp-sink.js';
import { TEST_DATABASE_URL, freshSchema, probePostgres, schemaUrl, storeBackends } from '../../store/contract/backends.js';

const NEVER = '0 0 1 1 *';
const CONTACT = 'security@example.test';
const unavailable = await probePostgres();
await storeBackends(); // drops the schemas named by freshSchema() in this file afterwards

describe.skipIf(unavailable !== undefined)(`posture checks on daemon replicas${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  const schema = freshSchema();
  let root: string;
  let env: NodeJS.ProcessEnv;
  let aws: FakeAws;
  let sink: SmtpSink;
  let boss: PgBoss;
  const all: DaemonProcess[] = [];

  async function startReplica(name: string): Promise<DaemonProcess> {
    const daemon = startDaemonProcess(join(root, 'config.yaml'), { ...env, LEAKWATCH_DATA_DIR: join(root, name) }, root);
    all.push(daemon);
    await daemon.waitForLog((l) => l['msg'] === 'Daemon listening');
    return daemon;
  }

  const finished = (d: DaemonProcess): number => d.lines.filter((l) => l['msg'] === 'Posture checks finished').length;

  /** Fires one posture run as the cluster's cron does, and waits until a replica has finished it. */
  async function runPosture(replicas: DaemonProcess[]): Promise<DaemonProcess> {
    const before = replicas.map(finished);
    await boss.send(scheduleQueue('posture'), {});
    for (;;) {
      const ran = replicas.find((d, i) => finished(d) > before[i]!);
      if (ran !== undefined) return ran;
      await Promise.race(replicas.map((d) => d.waitForLog(() => true, d.lines.length)));
    }
  }

  beforeAll(async () => {
    root = tempDir();
    aws = await startFakeAws({ account: '111122223333', users: POSTURE_USERS() });
    setUpPostureAccount(aws, { publicCodeBucket: false, trailWithoutValidation: false, writerWithoutMfa: false, publicAmi: false });
    sink = await startSmtpSink();
    writeFileSync(
      join(root, 'config.yaml'),
      [
        `databaseUrl: '${schemaUrl(schema)}'`,
        'logLevel: info',
        `schedule: { inventoryRefresh: '${NEVER}', mirrorScan: '${NEVER}', watch: '${NEVER}', escalation: '${NEVER}', posture: '${NEVER}' }`,
        `http: { host: 127.0.0.1, port: 0, snsTopicArns: ['${TOPIC}'] }`,
        `response: { email: { channel: smtp, from: leakwatch@example.test, smtpUrl: 'smtp://127.0.0.1:${sink.port}' } }`,
        `posture: { regions: [us-east-1], securityContact: ${CONTACT} }`,
        '',
      ].join('\n'),
    );
    env = fakeAwsEnv(aws);
    boss = new PgBoss({ connectionString: TEST_DATABASE_URL, schema: queueSchema(schema), supervise: false, schedule: false });
    boss.on('error', () => undefined);
  }, 60_000);

  afterAll(async () => {
    for (const d of all) if (d.child.exitCode === null && d.child.signalCode === null) d.child.kill('SIGKILL');
    await Promise.all(all.map((d) => d.exited));
    await boss?.stop({ graceful: false, close: true }).catch(() => undefined);
    await sink?.close();
    await aws?.close();
    removeTempDirs();
  });

  it('tells the owner once when a check turns to fail, though the passing run was on another replica', async () => {
    const replicas = [await startReplica('a'), await startReplica('b')];
    await boss.start();

    // The baseline: everything passes, on whichever replica takes the job.
    const first = await runPosture(replicas);
    expect(first.lines.find((l) => l['msg'] === 'Posture checks finished')).toMatchObject({ fail: 0, error: 0 });
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
    const other = replicas.find((d) => d !== first)!;

    // The AMI turns public; the only replica left runs the next check and must see the turn.
    aws.state.images.find((i) => i.id === PUBLIC_AMI)!.public = true;
    expect(await runPosture([other])).toBe(other);
    await sink.waitForCount(1);
    expect(sink.received[0]!.to).toEqual([CONTACT]);

    // The stopped replica comes back and the check keeps failing: nobody is told again.
    const back = await startReplica('a2');
    await runPosture([other, back]);
    await runPosture([other, back]);
    const ids = sink.received.map((m) => /^Message-ID:\s*(\S+)/im.exec(m.raw)?.[1]);
    expect(ids).toHaveLength(1);
    const fails = [other, back].flatMap((d) => d.lines.filter((l) => l['msg'] === 'Posture checks finished').map((l) => l['alertsQueued']));
    expect(fails.reduce((n: number, q) => n + Number(q), 0)).toBe(1);
  }, 180_000);
});
