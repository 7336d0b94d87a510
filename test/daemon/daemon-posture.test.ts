import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemonProcess } from '../helpers/daemon-process.js';
import type { DaemonProcess } from '../helpers/daemon-process.js';
import { startFakeAws } from '../helpers/fake-aws.js';
import type { FakeAws } from '../helpers/fake-aws.js';
import { ALL_USERS } from '../helpers/fake-aws/fake-bucket.js';
import { CODE_BUCKET, POSTURE_USERS, PUBLIC_AMI, TOPIC, fakeAwsEnv, setUpPostureAccount } from '../helpers/fake-aws/posture-account.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { parseMail } from '../helpers/parse-mime.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import type { SmtpSink } from '../helpers/smtp-sink.js';

const NEVER = '0 0 1 1 *';
const EVERY_TWO_SECONDS = '*/2 * * * * *';

describe('leakwatch daemon: posture checks on schedule (real SDK, fake AWS)', () => {
  let root: string;
  let configFile: string;
  let env: NodeJS.ProcessEnv;
  let aws: FakeAws;
  let sink: SmtpSink;
  let daemon: DaemonProcess;

  const finished = () => daemon.lines.filter((l) => l['msg'] === 'Posture checks finished');
  const waitRuns = async (n: number) => {
    const target = finished().length + n;
    while (finished().length < target) await daemon.waitForLog(() => true, daemon.lines.length);
  };
  const metrics = async () => {
    const url = String(daemon.lines.find((l) => l['msg'] === 'Daemon listening')?.['url']);
    return (await fetch(`${url}/metrics`)).text();
  };
  const stop = async () => {
    daemon.child.kill('SIGTERM');
    await daemon.exited;
  };

  beforeAll(async () => {
    root = tempDir();
    aws = await startFakeAws({ account: '111122223333', users: POSTURE_USERS() });
    setUpPostureAccount(aws, { publicCodeBucket: false, trailWithoutValidation: false, writerWithoutMfa: false, publicAmi: false });
    sink = await startSmtpSink();
    configFile = join(root, 'config.yaml');
    writeFileSync(
      configFile,
      [
        `dataDir: ${join(root, 'data')}`,
        'logLevel: info',
        `schedule: { inventoryRefresh: '${NEVER}', mirrorScan: '${NEVER}', watch: '${NEVER}', escalation: '${NEVER}', posture: '${EVERY_TWO_SECONDS}' }`,
        `http: { host: 127.0.0.1, port: 0, snsTopicArns: ['${TOPIC}'] }`,
        'response:',
        '  email: { channel: smtp, from: leakwatch@example.test }',
        'posture: { regions: [us-east-1], securityContact: security@example.test }',
        '',
      ].join('\n'),
    );
    env = { ...fakeAwsEnv(aws), LEAKWATCH_RESPONSE_EMAIL_SMTP_URL: `smtp://127.0.0.1:${sink.port}` };
    daemon = startDaemonProcess(configFile, env, root);
    await waitRuns(1);
  }, 90_000);

  afterAll(async () => {
    if (daemon.child.exitCode === null && daemon.child.signalCode === null) daemon.child.kill('SIGKILL');
    await sink?.close();
    await aws?.close();
    removeTempDirs();
  });

  it('keeps the results, exports zero failures per check and tells nobody while everything passes', async () => {
    expect(finished()[0]).toMatchObject({ fail: 0, error: 0 });
    const text = await metrics();
    expect(text).toContain('leakwatch_posture_failures{check="s3-bucket-public-access"} 0');
    expect(text).toContain('leakwatch_posture_failures{check="ec2-public-amis"} 0');
    expect(sink.received).toHaveLength(0);
  }, 60_000);

  it('when the code bucket turns public, tells its owner (and the security contact about the account setting) once, and exports the failures', async () => {
    aws.state.accountPublicAccessBlock = undefined;
    aws.state.buckets.get(CODE_BUCKET)!.grants.push({ grantee: ALL_USERS, permission: 'READ' });
    await sink.waitForCount(2);
    await waitRuns(2);
    expect(sink.received).toHaveLength(2);
    const byRecipient = new Map(sink.received.map((m) => [m.to.join(','), parseMail(m.raw)]));
    const owner = byRecipient.get('platform@acme.example');
    expect(owner?.headers.get('subject')).toContain(`(${CODE_BUCKET})`);
    const ownerText = owner?.parts.find((p) => p.contentType === 'text/plain')?.body ?? '';
    expect(ownerText).toContain('extra73');
    expect(ownerText).toContain('put-public-access-block');
    expect(byRecipient.get('security@example.test')?.headers.get('subject')).toContain('S3 Block Public Access is on for the account');
    const text = await metrics();
    expect(text).toContain('leakwatch_posture_failures{check="s3-bucket-public-access"} 1');
    expect(text).toContain('leakwatch_posture_failures{check="s3-account-block-public-access"} 1');
  }, 60_000);

  it('does not tell anyone again after a restart while the checks keep failing', async () => {
    await stop();
    daemon = startDaemonProcess(configFile, env, root);
    await waitRuns(1);
    expect(sink.received).toHaveLength(2);
    expect(await metrics()).toContain('leakwatch_posture_failures{check="s3-bucket-public-access"} 1');
    // Read-only: the daemon's posture runs made no change in the account.
    expect(aws.calls.map((c) => c.action).filter((a) => !/^(Get|List|Describe|BatchGet)/.test(a))).toEqual([]);
    await stop();
  }, 60_000);

  it('killed (-9) while the message is being sent, sends it again at the next start under the same Message-ID, and then no more', async () => {
    let release!: () => void;
    sink.hold = new Promise<void>((done) => (release = done));
    daemon = startDaemonProcess(configFile, env, root);
    await waitRuns(1);
    aws.state.images.find((i) => i.id === PUBLIC_AMI)!.public = true;
    await sink.waitForCount(3);
    daemon.child.kill('SIGKILL');
    await daemon.exited;
    sink.hold = null;
    release();
    daemon = startDaemonProcess(configFile, env, root);
    await sink.waitForCount(4);
    await waitRuns(1);
    expect(sink.received).toHaveLength(4);
    const [held, again] = sink.received.slice(2).map((m) => parseMail(m.raw));
    expect(held!.headers.get('subject')).toContain(PUBLIC_AMI);
    expect(again!.headers.get('message-id')).toBe(held!.headers.get('message-id'));
    await stop();
  }, 90_000);
});
