/**
 * AWS containment of the real daemon through kill -9: policy `auto` for the AWS family, the real
 * SDK against the local fake AWS (AWS_ENDPOINT_URL), a repository of N AWS key pairs of N IAM
 * users (one key each), the owner's e-mail through a real SMTP server. Killed at the first
 * "Incident opened" and while the fake AWS holds back the reply to an UpdateAccessKey (its change
 * made, the reply lost), then restarted; per key and user the calls are counted at the fake.
 *
 * Exactly once: one incident per key, one UpdateAccessKey per key id (a rerun lists the user's
 * keys first and skips a key already Inactive), one owner message per incident. At most once
 * more, and only for the one incident whose `containment.contain` was recorded `started` at the
 * kill and had already reached AWS: AttachUserPolicy (attaching an attached managed policy
 * changes nothing) and PutUserPolicy (the same inline policy by name, its cut-off moved to the
 * rerun's time), both idempotent.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemonProcess } from '../helpers/daemon-process.js';
import type { DaemonProcess } from '../helpers/daemon-process.js';
import { startFakeAws } from '../helpers/fake-aws.js';
import type { FakeAws } from '../helpers/fake-aws.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-credentials.js';
import { TEST_GIT_ENV, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import type { SmtpSink } from '../helpers/smtp-sink.js';

const NEVER = '0 0 1 1 *';
const KEYS = Number(process.env['LEAKWATCH_AWS_KILL_TEST_KEYS'] ?? 12);
const OWNER = 'owner@example.test';
const QUARANTINE = 'arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3';
const users = Array.from({ length: KEYS }, (_, i) => `svc${i}`);

/** A bare repository with one commit of one file per user, each holding that user's key pair. */
function buildRepository(dir: string, keyIds: string[]): void {
  execFileSync('git', ['init', '-q', '--bare', dir], { env: TEST_GIT_ENV });
  const parts: string[] = ['commit refs/heads/main\ncommitter T <t@example.test> 1700000000 +0000\ndata 5\nkeys\n'];
  keyIds.forEach((id, i) => {
    const data = `aws_access_key_id = "${id}"\naws_secret_access_key = "${fakeSecretAccessKey()}"\n`;
    parts.push(`M 644 inline ${users[i]}/deploy.py\ndata ${Buffer.byteLength(data)}\n${data}`);
  });
  parts.push('\n');
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, env: { ...TEST_GIT_ENV, GIT_DIR: dir }, input: parts.join('') });
}

function writeConfig(root: string, repoUrl: string, smtpPort: number): string {
  writeFileSync(join(root, 'inventory.yaml'), `repositories:\n  - url: ${repoUrl}\n    name: keys\n    owner: ${OWNER}\n`);
  const configFile = join(root, 'config.yaml');
  writeFileSync(
    configFile,
    [
      `dataDir: ${join(root, 'data')}`,
      'logLevel: debug',
      `inventory: { staticFile: ${join(root, 'inventory.yaml')} }`,
      `schedule: { inventoryRefresh: '${NEVER}', mirrorScan: '${NEVER}', watch: '${NEVER}', escalation: '${NEVER}' }`,
      'http: { host: 127.0.0.1, port: 0 }',
      'response:',
      '  policies: { aws: auto }',
      '  awsRegion: us-east-1',
      `  email: { channel: smtp, from: leakwatch@example.test, smtpUrl: 'smtp://127.0.0.1:${smtpPort}' }`,
      '',
    ].join('\n'),
  );
  return configFile;
}

interface Tally {
  incidents: number;
  contained: number;
  notified: number;
  /** Incidents whose containment was recorded started and never finished. */
  containStarted: number;
  /** Users whose quarantine is on an incident's timeline (containment recorded). */
  quarantineRecorded: Set<string>;
}

function tally(dbFile: string): Tally {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
  try {
    if (count("SELECT count(*) FROM sqlite_master WHERE name = 'incidents'") === 0) {
      return { incidents: 0, contained: 0, notified: 0, containStarted: 0, quarantineRecorded: new Set() };
    }
    const recorded = db.prepare("SELECT data FROM incident_timeline WHERE action = 'iam.attach-quarantine-policy' AND outcome = 'ok'").pluck().all() as string[];
    return {
      incidents: count('SELECT count(*) FROM incidents'),
      contained: count("SELECT count(*) FROM incidents WHERE status = 'contained'"),
      notified: count("SELECT count(*) FROM incident_actions WHERE key = 'notify.owner.smtp' AND state = 'done'"),
      containStarted: count("SELECT count(*) FROM incident_actions WHERE key = 'containment.contain' AND state = 'started'"),
      quarantineRecorded: new Set(recorded.map((d) => (JSON.parse(d) as { userName: string }).userName)),
    };
  } finally {
    db.close();
  }
}

function messageIds(sink: SmtpSink): string[] {
  return sink.received.map((m) => /^Message-ID:\s*(\S+)/im.exec(m.raw)?.[1] ?? 'none');
}

afterAll(() => removeTempDirs());

describe('daemon AWS containment through kill -9 (policy auto, real SDK, fake AWS)', () => {
  let repo: string;
  let keyIds: string[];
  let sink: SmtpSink;
  let aws: FakeAws;

  beforeAll(async () => {
    keyIds = users.map(() => fakeAccessKeyId());
    repo = join(tempDir(), 'keys.git');
    buildRepository(repo, keyIds);
    sink = await startSmtpSink();
  }, 60_000);
  afterAll(async () => {
    await sink.close();
    await aws?.close();
  });

  function envFor(root: string): NodeJS.ProcessEnv {
    return {
      AWS_ENDPOINT_URL: aws.url,
      AWS_ACCESS_KEY_ID: fakeAccessKeyId(),
      AWS_SECRET_ACCESS_KEY: fakeSecretAccessKey(),
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: join(root, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(root, 'no-aws-credentials'),
    };
  }

  /** Kill when the fake AWS has made the `nth` UpdateAccessKey's change and holds its reply back. */
  const atUpdate = (nth: number) => (a: FakeAws) => {
    const hold = a.holdCall('UpdateAccessKey', nth);
    return () => hold.reached;
  };
  const killPoints: Array<{ name: string; arm: (aws: FakeAws) => (d: DaemonProcess) => Promise<unknown> }> = [
    { name: 'the first "Incident opened"', arm: () => (d) => d.waitForLog((l) => l['msg'] === 'Incident opened') },
    { name: 'the first UpdateAccessKey, its reply held back', arm: atUpdate(1) },
    { name: `UpdateAccessKey no. ${Math.ceil(KEYS / 2)}, its reply held back`, arm: atUpdate(Math.ceil(KEYS / 2)) },
  ];

  for (const point of killPoints) {
    it(`kill -9 at ${point.name}, then restart: one incident, one deactivation and one message per key; quarantine at most once more, only where cut short`, async () => {
      sink.received.length = 0;
      await aws?.close();
      aws = await startFakeAws({ account: '111122223333', users: Object.fromEntries(users.map((u, i) => [u, [keyIds[i]!]])) });
      const root = tempDir();
      const configFile = writeConfig(root, repo, sink.port);
      const dbFile = join(root, 'data', 'state.db');
      const env = envFor(root);
      const at = point.arm(aws);

      const first = startDaemonProcess(configFile, env, root);
      await at(first);
      first.child.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
      const atKill = tally(dbFile);
      const attachedBeforeKill = aws.countBy('AttachUserPolicy', 'UserName');
      const updatesAtKill = aws.count('UpdateAccessKey');

      const second = startDaemonProcess(configFile, env, root);
      const done = await second.waitForLog((l) => l['msg'] === 'Repository job finished' || l['msg'] === 'Repository job failed');
      expect(done['outcome']).toBe('ok');
      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);
      const after = tally(dbFile);

      // Incidents and messages: exactly once.
      expect(after).toMatchObject({ incidents: KEYS, contained: KEYS, notified: KEYS, containStarted: 0 });
      const ids = messageIds(sink);
      expect(ids).toHaveLength(KEYS);
      expect(new Set(ids).size).toBe(KEYS);
      // Deactivation: once per key id, whatever the kill point (the rerun sees the key Inactive).
      const updates = aws.countBy('UpdateAccessKey', 'AccessKeyId');
      expect([...updates.keys()].sort()).toEqual([...keyIds].sort());
      expect([...updates.values()].every((n) => n === 1)).toBe(true);
      // Quarantine: once per user, twice only for a user whose containment was cut short after reaching AWS.
      const attached = aws.countBy('AttachUserPolicy', 'UserName');
      const denied = aws.countBy('PutUserPolicy', 'UserName');
      const cutShort = users.filter((u) => (attachedBeforeKill.get(u) ?? 0) > 0 && !atKill.quarantineRecorded.has(u));
      expect(cutShort.length).toBeLessThanOrEqual(atKill.containStarted);
      for (const u of users) {
        const expected = cutShort.includes(u) ? 2 : 1;
        expect({ user: u, attach: attached.get(u), deny: denied.get(u) }).toEqual({ user: u, attach: expected, deny: expected });
        const state = aws.users.get(u)!;
        expect(state.attachedPolicies).toEqual([QUARANTINE]);
        expect(state.keys.every((k) => k.status === 'Inactive')).toBe(true);
      }
      expect(aws.count('CreateAccessKey')).toBe(0);

      const file = process.env['LEAKWATCH_KILL_TEST_REPORT'];
      if (file !== undefined) {
        const line = {
          point: `aws: kill -9 at ${point.name}`,
          keys: KEYS,
          atKill: { incidents: atKill.incidents, containStarted: atKill.containStarted, updateAccessKey: updatesAtKill },
          incidents: after.incidents,
          updateAccessKey: aws.count('UpdateAccessKey'),
          attachUserPolicy: aws.count('AttachUserPolicy'),
          putUserPolicy: aws.count('PutUserPolicy'),
          cutShort: cutShort.length,
          messages: ids.length,
        };
        appendFileSync(file, `${JSON.stringify(line)}\n`);
      }
    }, 120_000);
  }
});
