/**
 * AWS containment of the real daemon through kill -9: policy `auto` for the AWS family, the real
 * SDK against the local fake AWS (AWS_ENDPOINT_URL), a repository of N AWS key pairs of N IAM
 * users (one key each), the owner's e-mail through a real SMTP server. Killed at the first
 * "Incident opened" and while the fake AWS holds back the reply to an UpdateAccessKey (its change
 * made, the reply lost), then restarted; per key and user the calls are counted at the fake.
 *
 * Exactly once, at every kill point: one incident per key, one message per incident, and per
 * user one AttachUserPolicy, one PutUserPolicy and one UpdateAccessKey. A containment cut short
 * after it reached AWS is run again on restart; it reads first (ListAttachedUserPolicies,
 * GetUserPolicy, ListAccessKeys) and records what is already in place, keeping the session
 * cut-off the first run wrote.
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
import { fakeAwsProcessEnv } from '../helpers/fake-aws/fake-aws-process-env.js';

const NEVER = '0 0 1 1 *';
const KEYS = Number(process.env['LEAKWATCH_AWS_KILL_TEST_KEYS'] ?? 12);
const OWNER = 'owner@example.test';
const QUARANTINE = 'arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3';
const SESSION_DENY = 'leakwatch-deny-sessions-issued-before-exposure-response';
interface SessionDeny {
  Statement: Array<{ Condition: { DateLessThan: { 'aws:TokenIssueTime': string } } }>;
}
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
  /** Per user, the session cut-offs recorded by `iam.deny-older-sessions` (done or already in place). */
  cutOffs: Map<string, string[]>;
}

function tally(dbFile: string): Tally {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
  try {
    if (count("SELECT count(*) FROM sqlite_master WHERE name = 'incidents'") === 0) {
      return { incidents: 0, contained: 0, notified: 0, containStarted: 0, cutOffs: new Map() };
    }
    const recorded = db.prepare("SELECT data FROM incident_timeline WHERE action = 'iam.deny-older-sessions'").pluck().all() as string[];
    const cutOffs = new Map<string, string[]>();
    for (const d of recorded.map((x) => JSON.parse(x) as { userName: string; issuedBefore?: string })) {
      if (d.issuedBefore !== undefined) cutOffs.set(d.userName, [...(cutOffs.get(d.userName) ?? []), d.issuedBefore]);
    }
    return {
      incidents: count('SELECT count(*) FROM incidents'),
      contained: count("SELECT count(*) FROM incidents WHERE status = 'contained'"),
      notified: count("SELECT count(*) FROM incident_actions WHERE key = 'notify.owner.smtp' AND state = 'done'"),
      containStarted: count("SELECT count(*) FROM incident_actions WHERE key = 'containment.contain' AND state = 'started'"),
      cutOffs,
    };
  } finally {
    db.close();
  }
}

/** Timeline entries of the quarantine steps a rerun found already in place. */
function alreadyInPlace(dbFile: string): number {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const sql = "SELECT count(*) FROM incident_timeline WHERE action IN ('iam.attach-quarantine-policy', 'iam.deny-older-sessions') AND data LIKE '%\"policyState\"%'";
    return db.prepare(sql).pluck().get() as number;
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
      ...fakeAwsProcessEnv(aws.url, root),
    };
  }

  /** Kill when the fake AWS has made the `nth` `action`'s change and holds its reply back. */
  const atHeld = (action: string, nth: number) => (a: FakeAws) => {
    const hold = a.holdCall(action, nth);
    return () => hold.reached;
  };
  const half = Math.ceil(KEYS / 2);
  const killPoints: Array<{ name: string; arm: (aws: FakeAws) => (d: DaemonProcess) => Promise<unknown> }> = [
    { name: 'the first "Incident opened"', arm: () => (d) => d.waitForLog((l) => l['msg'] === 'Incident opened') },
    { name: 'the first AttachUserPolicy, its reply held back', arm: atHeld('AttachUserPolicy', 1) },
    { name: `PutUserPolicy no. ${half}, its reply held back`, arm: atHeld('PutUserPolicy', half) },
    { name: 'the first UpdateAccessKey, its reply held back', arm: atHeld('UpdateAccessKey', 1) },
    { name: `UpdateAccessKey no. ${half}, its reply held back`, arm: atHeld('UpdateAccessKey', half) },
  ];

  for (const point of killPoints) {
    it(`kill -9 at ${point.name}, then restart: one incident, one deactivation, one quarantine, one session-deny and one message per key`, async () => {
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
      const changesAtKill = { attach: aws.count('AttachUserPolicy'), put: aws.count('PutUserPolicy') };
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
      // Quarantine and session-deny: once per user, whatever the kill point (the rerun reads first).
      const attached = aws.countBy('AttachUserPolicy', 'UserName');
      const denied = aws.countBy('PutUserPolicy', 'UserName');
      for (const u of users) {
        expect({ user: u, attach: attached.get(u), deny: denied.get(u) }).toEqual({ user: u, attach: 1, deny: 1 });
        const state = aws.users.get(u)!;
        expect(state.attachedPolicies).toEqual([QUARANTINE]);
        expect(state.keys.every((k) => k.status === 'Inactive')).toBe(true);
        // The cut-off on the timeline is the one in IAM, the first run's: a rerun does not move it.
        const inIam = (JSON.parse(state.inlineDocuments.get(SESSION_DENY)!) as SessionDeny).Statement[0]!.Condition.DateLessThan['aws:TokenIssueTime'];
        expect({ user: u, cutOffs: after.cutOffs.get(u) }).toEqual({ user: u, cutOffs: [inIam] });
      }
      expect(aws.count('CreateAccessKey')).toBe(0);

      const file = process.env['LEAKWATCH_KILL_TEST_REPORT'];
      if (file !== undefined) {
        const line = {
          point: `aws: kill -9 at ${point.name}`,
          keys: KEYS,
          atKill: {
            incidents: atKill.incidents,
            containStarted: atKill.containStarted,
            attachUserPolicy: changesAtKill.attach,
            putUserPolicy: changesAtKill.put,
            updateAccessKey: updatesAtKill,
          },
          incidents: after.incidents,
          updateAccessKey: aws.count('UpdateAccessKey'),
          attachUserPolicy: aws.count('AttachUserPolicy'),
          putUserPolicy: aws.count('PutUserPolicy'),
          listAttachedUserPolicies: aws.count('ListAttachedUserPolicies'),
          getUserPolicy: aws.count('GetUserPolicy'),
          alreadyInPlace: alreadyInPlace(dbFile),
          messages: ids.length,
        };
        appendFileSync(file, `${JSON.stringify(line)}\n`);
      }
    }, 120_000);
  }
});
