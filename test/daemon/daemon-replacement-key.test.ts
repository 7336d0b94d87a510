import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemonProcess } from '../helpers/daemon-process.js';
import type { DaemonProcess } from '../helpers/daemon-process.js';
import { startFakeAws } from '../helpers/fake-aws.js';
import type { FakeAws } from '../helpers/fake-aws.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-credentials.js';
import { startGitHttpServer } from '../helpers/git-http-server.js';
import type { GitHttpServer } from '../helpers/git-http-server.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { dumpDatabase } from '../helpers/incident-fixture.js';
import { parseMail } from '../helpers/parse-mime.js';
import { runCli } from '../helpers/run-cli.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import type { SmtpSink } from '../helpers/smtp-sink.js';
import { fakeAwsProcessEnv } from '../helpers/fake-aws/fake-aws-process-env.js';

const NEVER = '0 0 1 1 *';
const EVERY_SECOND = '* * * * * *';

async function until(done: () => boolean, wake: () => Promise<unknown>): Promise<void> {
  while (!done()) await wake();
}

describe('leakwatch daemon: replacement key and the owner after containment (real SDK, fake AWS)', () => {
  let root: string;
  let configFile: string;
  let env: NodeJS.ProcessEnv;
  let server: GitHttpServer;
  let aws: FakeAws;
  let sink: SmtpSink;
  let daemon: DaemonProcess;
  let keyId: string;
  let leaked: string;

  const passes = () => daemon.lines.filter((l) => l['msg'] === 'Incident pass finished').length;
  /** Wakes on the daemon's next log line. */
  const nextLine = () => daemon.waitForLog(() => true, daemon.lines.length);
  const waitPasses = async (n: number) => {
    const target = passes() + n;
    await until(() => passes() >= target, nextLine);
  };
  const text = (i: number) => parseMail(sink.received[i]!.raw).parts.find((p) => p.contentType === 'text/plain')?.body ?? '';
  const cli = (args: string[]) => runCli([...args, '--config', configFile], {}, root);

  beforeAll(async () => {
    root = tempDir();
    keyId = fakeAccessKeyId();
    leaked = fakeSecretAccessKey();
    aws = await startFakeAws({ account: '111122223333', users: { alice: [keyId] } });
    sink = await startSmtpSink();
    const served = join(root, 'served');
    mkdirSync(join(served, 'repos'), { recursive: true });
    const work = TestRepo.create();
    work.commit('add deploy config', { 'deploy.py': `aws_access_key_id = "${keyId}"\naws_secret_access_key = "${leaked}"\n` });
    work.git('clone', '-q', '--bare', work.dir, join(served, 'repos', 'demo'));
    server = await startGitHttpServer({ root: served });
    writeFileSync(join(root, 'inventory.yaml'), `repositories:\n  - url: ${server.url}/repos/demo\n    name: demo\n    owner: owner@example.test\n`);
    configFile = join(root, 'config.yaml');
    writeFileSync(
      configFile,
      [
        `dataDir: ${join(root, 'data')}`,
        'logLevel: debug',
        'inventory:',
        `  staticFile: ${join(root, 'inventory.yaml')}`,
        'mirror: { concurrency: 1, retries: 1, backoffSeconds: 0 }',
        `schedule: { inventoryRefresh: '${NEVER}', mirrorScan: '${NEVER}', watch: '${NEVER}', escalation: '${EVERY_SECOND}' }`,
        'http: { host: 127.0.0.1, port: 0 }',
        'response:',
        '  policies: { aws: approve }',
        '  awsRegion: us-east-1',
        '  email: { channel: smtp, from: leakwatch@example.test }',
        '  aws: { createReplacementKey: true }',
        '',
      ].join('\n'),
    );
    env = {
      LEAKWATCH_RESPONSE_EMAIL_SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      ...fakeAwsProcessEnv(aws.url, root),
    };
    daemon = startDaemonProcess(configFile, env, root);
    await daemon.waitForLog((l) => l['msg'] === 'Findings answered');
  }, 90_000);

  afterAll(async () => {
    if (daemon.child.exitCode === null && daemon.child.signalCode === null) daemon.child.kill('SIGKILL');
    await server?.close();
    await sink?.close();
    await aws?.close();
    removeTempDirs();
  });

  it('under approve, contains nothing and creates no key before approval; the owner is asked to approve', async () => {
    await until(() => sink.received.length >= 1, () => waitPasses(1));
    await waitPasses(2);
    expect(sink.received).toHaveLength(1);
    expect(text(0)).toContain('Approve containment');
    expect(aws.count('UpdateAccessKey')).toBe(0);
    expect(aws.count('CreateAccessKey')).toBe(0);
  }, 60_000);

  it('after `incidents approve`: quarantines, deactivates, creates one replacement stored in Secrets Manager, tells the owner once', async () => {
    const list = JSON.parse(cli(['incidents', 'list', '--format', 'json']).stdout) as Array<{ id: string }>;
    expect(list).toHaveLength(1);
    const id = list[0]!.id;
    expect(cli(['incidents', 'approve', id]).code).toBe(0);

    await until(() => sink.received.length >= 2, () => waitPasses(1));
    await waitPasses(3);
    expect(sink.received).toHaveLength(2);
    const alice = aws.users.get('alice')!;
    expect(alice.keys.find((k) => k.id === keyId)?.status).toBe('Inactive');
    expect(alice.attachedPolicies).toEqual(['arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3']);
    expect(aws.count('CreateAccessKey')).toBe(1);
    expect(aws.count('CreateSecret') + aws.count('PutSecretValue')).toBe(1);

    const stored = aws.secrets.get('leakwatch/replacement-keys/alice');
    const replacement = alice.keys.find((k) => k.id !== keyId)!;
    expect(JSON.parse(stored?.value ?? '{}')).toEqual({ accessKeyId: replacement.id, secretAccessKey: replacement.secret });
    expect(stored?.tags).toMatchObject({ 'leakwatch:replaces-key': keyId, 'leakwatch:access-key-id': replacement.id, 'leakwatch:incident': id });

    const mail = parseMail(sink.received[1]!.raw);
    expect(mail.headers.get('subject')).toMatch(/Contained: /);
    expect(text(1)).toContain(`--secret-id ${stored!.arn}`);
    expect(text(1)).toContain('Deactivated access key');

    // The new secret key exists only in Secrets Manager: not in a message, the log or the store.
    const everywhere = sink.received.map((m) => m.raw).join('\n') + daemon.stderr() + dumpDatabase(join(root, 'data', 'state.db'));
    expect(everywhere).not.toContain(replacement.secret);
    expect(everywhere).not.toContain(leaked);
    const sentElsewhere = aws.calls.filter((c) => c.action !== 'CreateSecret' && c.action !== 'PutSecretValue').map((c) => c.body).join('\n');
    expect(sentElsewhere).not.toContain(replacement.secret);
  }, 60_000);

  it('`incidents show` then lists only the steps still open', () => {
    const id = (JSON.parse(cli(['incidents', 'list', '--format', 'json']).stdout) as Array<{ id: string }>)[0]!.id;
    const shown = cli(['incidents', 'show', id]).stdout;
    const steps = shown.slice(shown.indexOf('Remaining steps for the owner'));
    expect(steps).not.toContain('Approve containment');
    expect(steps).not.toContain('Deactivate the access key in IAM');
    expect(steps).toContain('Fetch the replacement key');
    const json = JSON.parse(cli(['incidents', 'show', id, '--format', 'json']).stdout) as { remainingSteps: string[] };
    expect(json.remainingSteps.some((s) => s.startsWith('Approve containment'))).toBe(false);
  });

  it('after a restart creates no second key and sends no second message', async () => {
    daemon.child.kill('SIGTERM');
    await daemon.exited;
    daemon = startDaemonProcess(configFile, env, root);
    await daemon.waitForLog((l) => l['msg'] === 'Repository job finished');
    await waitPasses(3);
    expect(sink.received).toHaveLength(2);
    expect(aws.count('CreateAccessKey')).toBe(1);
    expect(aws.users.get('alice')!.keys).toHaveLength(2);
  }, 60_000);
});
