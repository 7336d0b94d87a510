/**
 * The findings → incidents path of the real daemon through kill -9 and SIGTERM past the grace
 * period: a repository of AWS key pairs (60; LEAKWATCH_KILL_TEST_PAIRS for a campaign), the daemon killed at several points of the scan and
 * of incident opening, then restarted; every finding must end with exactly one incident and the
 * owner with exactly one message per incident (a real SMTP server counts them).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemonProcess } from '../helpers/daemon-process.js';
import type { DaemonProcess } from '../helpers/daemon-process.js';
import { TEST_GIT_ENV, TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import type { SmtpSink } from '../helpers/smtp-sink.js';
import { awsKeyId, awsSecretKey } from '../helpers/tokens.js';

const NEVER = '0 0 1 1 *';
// Enough to be mid-way through opening at every kill point, few enough to run in seconds on 2 cores.
const PAIRS = Number(process.env['LEAKWATCH_KILL_TEST_PAIRS'] ?? 60);
const OWNER = 'owner@example.test';

/** A bare repository with one commit of `pairs` files, each holding its own AWS key pair. */
function buildPairsRepository(dir: string, pairs: number): void {
  execFileSync('git', ['init', '-q', '--bare', dir], { env: TEST_GIT_ENV });
  const parts: string[] = ['commit refs/heads/main\ncommitter T <t@example.test> 1700000000 +0000\ndata 5\nkeys\n'];
  for (let i = 0; i < pairs; i++) {
    const data = `AWS_ACCESS_KEY_ID=${awsKeyId()}\nAWS_SECRET_ACCESS_KEY=${awsSecretKey()}\n`;
    parts.push(`M 644 inline svc${i}/aws.env\ndata ${Buffer.byteLength(data)}\n${data}`);
  }
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
      `response: { email: { channel: smtp, from: leakwatch@example.test, smtpUrl: 'smtp://127.0.0.1:${smtpPort}' } }`,
      '',
    ].join('\n'),
  );
  return configFile;
}

interface Tally {
  findings: number;
  incidents: number;
  /** Incidents whose owner message is recorded as sent (one `notify.owner.smtp` done). */
  notified: number;
  /** Actions recorded as started and never finished: a kill cut their call short. */
  started: number;
  pending: number;
  locationsPerIncident: number[];
}

function tally(dbFile: string): Tally {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
  try {
    const hasIncidents = count("SELECT count(*) FROM sqlite_master WHERE name = 'incidents'") > 0;
    return {
      findings: count('SELECT count(*) FROM findings'),
            incidents: hasIncidents ? count('SELECT count(*) FROM incidents') : 0,
      notified: hasIncidents ? count("SELECT count(*) FROM incident_actions WHERE key = 'notify.owner.smtp' AND state = 'done'") : 0,
      started: hasIncidents ? count("SELECT count(*) FROM incident_actions WHERE state = 'started'") : 0,
      pending: count('SELECT count(*) FROM response_outbox'),
      locationsPerIncident: hasIncidents
        ? (db.prepare('SELECT count(*) FROM incident_locations GROUP BY incident_id ORDER BY incident_id').pluck().all() as number[])
        : [],
    };
  } finally {
    db.close();
  }
}

/** Campaign figures (docs/reliability.md): one JSON line per run when LEAKWATCH_KILL_TEST_REPORT names a file. */
function report(point: string, atKill: Tally, sink: SmtpSink, dbFile: string): void {
  const file = process.env['LEAKWATCH_KILL_TEST_REPORT'];
  if (file === undefined) return;
  const after = tally(dbFile);
  const ids = messageIds(sink);
  const line = { point, pairs: PAIRS, atKill: { incidents: atKill.incidents, pending: atKill.pending, started: atKill.started }, incidents: after.incidents, messages: ids.length, distinctMessages: new Set(ids).size };
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}

/** The Message-ID of each message received: the idempotency key the engine gave it. */
function messageIds(sink: SmtpSink): string[] {
  return sink.received.map((m) => /^Message-ID:\s*(\S+)/im.exec(m.raw)?.[1] ?? 'none');
}

async function runToCompletion(configFile: string, root: string): Promise<DaemonProcess> {
  const daemon = startDaemonProcess(configFile, {}, root);
  const done = await daemon.waitForLog((l) => l['msg'] === 'Repository job finished' || l['msg'] === 'Repository job failed');
  // The job answers the outbox (after the start's own pass) before it logs that it finished.
  expect(done['outcome']).toBe('ok');
  daemon.child.kill('SIGTERM');
  expect((await daemon.exited).code).toBe(0);
  return daemon;
}

afterAll(() => removeTempDirs());

describe('daemon incidents through kill -9 and SIGTERM', () => {
  let repo: string;
  let sink: SmtpSink;

  beforeAll(async () => {
    repo = join(tempDir(), 'keys.git');
    buildPairsRepository(repo, PAIRS);
    sink = await startSmtpSink();
  }, 60_000);
  afterAll(async () => sink.close());

  /** After the restart: one incident per key pair, each told once, nothing left queued. */
  function expectExactlyOnce(dbFile: string, startedAtKill: number): void {
    const after = tally(dbFile);
    expect(after.findings).toBeGreaterThanOrEqual(PAIRS);
    expect(after.incidents).toBe(PAIRS);
    expect(after.notified).toBe(PAIRS);
    expect(after.started).toBe(0);
    expect(after.pending).toBe(0);
    expect(after.locationsPerIncident.every((n) => n === 1)).toBe(true);
    const ids = messageIds(sink);
    expect(new Set(ids).size).toBe(PAIRS);
    expect(ids).not.toContain('none');
    // A message is sent again only when a kill cut its own call short, and then under the same Message-ID.
    expect(ids.length - PAIRS).toBeLessThanOrEqual(startedAtKill);
    expect(sink.received.every((m) => m.to.join(',') === OWNER)).toBe(true);
  }

  const killPoints: Array<{ name: string; at: (d: DaemonProcess) => Promise<unknown> }> = [
    { name: 'the scan start', at: (d) => d.waitForLog((l) => l['msg'] === 'Scan started') },
    { name: 'the first "Incident opened"', at: (d) => d.waitForLog((l) => l['msg'] === 'Incident opened') },
    { name: 'half-way through "Incident opened"', at: (d) => d.waitForLog(() => d.lines.filter((l) => l['msg'] === 'Incident opened').length >= PAIRS / 2) },
    { name: 'the first message received', at: () => sink.waitForCount(1) },
  ];

  for (const point of killPoints) {
    it(`kill -9 at ${point.name}, then restart: every finding has exactly one incident and the owner exactly one message`, async () => {
      sink.received.length = 0;
      const root = tempDir();
      const configFile = writeConfig(root, repo, sink.port);
      const dbFile = join(root, 'data', 'state.db');
      const first = startDaemonProcess(configFile, {}, root);
      await point.at(first);
      first.child.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
      const atKill = tally(dbFile);
      // Whatever was recorded and not answered is still queued: nothing is lost in between.
      expect(atKill.incidents + atKill.pending).toBeGreaterThanOrEqual(atKill.findings === 0 ? 0 : PAIRS);

      await runToCompletion(configFile, root);
      report(`kill -9 at ${point.name}`, atKill, sink, dbFile);
      expectExactlyOnce(dbFile, atKill.started);
    }, 120_000);
  }

  it('SIGTERM while incidents are being opened and the grace period runs out: exits 0, and the restart completes them once', async () => {
    sink.received.length = 0;
    const root = tempDir();
    const configFile = writeConfig(root, repo, sink.port);
    const dbFile = join(root, 'data', 'state.db');
    // The SMTP server keeps the first message unanswered: the response outlives the grace period.
    let release!: () => void;
    sink.hold = new Promise<void>((done) => (release = done));
    const first = startDaemonProcess(configFile, {}, root);
    await sink.waitForCount(1);
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(first.lines.some((l) => l['msg'] === 'Jobs cut short; they run again at the next start')).toBe(true);
    const atStop = tally(dbFile);
    expect(atStop.incidents).toBeLessThan(PAIRS);
    expect(atStop.incidents + atStop.pending).toBeGreaterThanOrEqual(PAIRS);
    sink.hold = null;
    release();

    await runToCompletion(configFile, root);
    report('SIGTERM past the grace period', atStop, sink, dbFile);
    expectExactlyOnce(dbFile, atStop.started);
  }, 120_000);

  it('the same key pair committed later in a second file joins its incident as a new location, and the owner is told once', async () => {
    sink.received.length = 0;
    const work = TestRepo.create();
    const pair = `AWS_ACCESS_KEY_ID=${awsKeyId()}\nAWS_SECRET_ACCESS_KEY=${awsSecretKey()}\n`;
    work.commit('settings', { 'config/aws.env': pair });
    const root = tempDir();
    const configFile = writeConfig(root, work.dir, sink.port);
    const dbFile = join(root, 'data', 'state.db');
    await runToCompletion(configFile, root);
    expect(tally(dbFile)).toMatchObject({ incidents: 1, notified: 1, locationsPerIncident: [1] });
    expect(sink.received).toHaveLength(1);

    work.commit('copy for deploy', { 'deploy/aws.env': pair });
    const second = await runToCompletion(configFile, root);
    await runToCompletion(configFile, root);
    expect(second.lines.some((l) => l['msg'] === 'Incident joined by a new location')).toBe(true);
    expect(tally(dbFile)).toMatchObject({ incidents: 1, locationsPerIncident: [2], pending: 0 });
    expect(sink.received).toHaveLength(2);
    expect(sink.received[1]?.raw).toContain('deploy/aws.env');
    const db = new Database(dbFile, { readonly: true });
    try {
      const added = db.prepare("SELECT detail FROM incident_timeline WHERE action = 'incident.location-added'").pluck().all() as string[];
      expect(added).toHaveLength(1);
      expect(added[0]).toContain('deploy/aws.env');
    } finally {
      db.close();
    }
  }, 120_000);
});
