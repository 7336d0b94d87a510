import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemonProcess } from '../helpers/daemon-process.js';
import { runCli } from '../helpers/run-cli.js';
import type { DaemonProcess } from '../helpers/daemon-process.js';
import { startGitHttpServer } from '../helpers/git-http-server.js';
import type { GitHttpServer } from '../helpers/git-http-server.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { awsKeyId, awsSecretKey } from '../helpers/tokens.js';

const NEVER = '0 0 1 1 *';

function findingRows(dbFile: string): Array<{ repository_id: string; finding_id: string; rule_id: string; redacted: string }> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT repository_id, finding_id, rule_id, redacted FROM findings').all() as never;
  } finally {
    db.close();
  }
}

async function pollUntil<T>(read: () => T, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = read();
    if (done(value)) return value;
    await new Promise((wake) => setTimeout(wake, 100));
  }
}

describe('leakwatch daemon (real process)', () => {
  const token = ['tok', 'en-'].join('') + Math.random().toString(36).slice(2);
  let root: string;
  let bare: string;
  let work: TestRepo;
  let server: GitHttpServer;
  let daemon: DaemonProcess;
  let url: string;

  beforeAll(async () => {
    root = tempDir();
    const served = join(root, 'served');
    mkdirSync(join(served, 'v1', 'repos'), { recursive: true });
    work = TestRepo.create();
    work.commit('readme', { 'README.md': '# demo\n' });
    bare = join(served, 'v1', 'repos', 'demo');
    work.git('clone', '-q', '--bare', work.dir, bare);
    work.git('remote', 'add', 'origin', bare);
    server = await startGitHttpServer({ root: served });
    writeFileSync(
      join(root, 'inventory.yaml'),
      `repositories:\n  - url: ${server.url}/v1/repos/demo\n    name: demo\n    region: eu-west-1\n    owner: owner@example.test\n`,
    );
    writeFileSync(
      join(root, 'config.yaml'),
      [
        `dataDir: ${join(root, 'data')}`,
        'logLevel: debug',
        'inventory:',
        `  staticFile: ${join(root, 'inventory.yaml')}`,
        'mirror: { concurrency: 2, retries: 1, backoffSeconds: 0 }',
        `schedule: { inventoryRefresh: '${NEVER}', mirrorScan: '${NEVER}', watch: '${NEVER}', escalation: '${NEVER}' }`,
        'http: { host: 127.0.0.1, port: 0 }',
        '',
      ].join('\n'),
    );
    daemon = startDaemonProcess(join(root, 'config.yaml'), { LEAKWATCH_HTTP_WEBHOOK_TOKEN: token }, root);
    const listening = await daemon.waitForLog((l) => l['msg'] === 'Daemon listening');
    url = String(listening['url']);
    await daemon.waitForLog((l) => l['msg'] === 'Repository job finished' && l['repository'] === 'static:demo');
  }, 60_000);

  afterAll(async () => {
    if (daemon.child.exitCode === null && daemon.child.signalCode === null) daemon.child.kill('SIGKILL');
    await server?.close();
    removeTempDirs();
  });

  it('answers health and readiness without a token', async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  it('refuses the webhook without the token, or with a wrong one (401)', async () => {
    const event = JSON.stringify({ source: 'aws.codecommit' });
    expect((await fetch(`${url}/webhook/codecommit`, { method: 'POST', body: event })).status).toBe(401);
    const wrong = await fetch(`${url}/webhook/codecommit`, { method: 'POST', body: event, headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    // A query token is only for signed SNS deliveries.
    expect((await fetch(`${url}/webhook/codecommit?token=${token}`, { method: 'POST', body: event })).status).toBe(401);
  });

  it('scans a pushed commit when a CodeCommit event arrives and stores the finding (redacted)', async () => {
    const keyId = awsKeyId();
    const secret = awsSecretKey();
    // The key id and its secret key as a pair: one credential, so one incident.
    work.commit('add deploy config', { 'deploy.py': `aws_access_key_id = "${keyId}"\naws_secret_access_key = "${secret}"\n` });
    work.git('push', '-q', 'origin', 'main');
    const commitId = work.head();
    const dbFile = join(root, 'data', 'state.db');
    expect(findingRows(dbFile)).toEqual([]);

    const answer = await fetch(`${url}/webhook/codecommit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        version: '0',
        source: 'aws.codecommit',
        'detail-type': 'CodeCommit Repository State Change',
        account: '123456789012',
        region: 'eu-west-1',
        resources: ['arn:aws:codecommit:eu-west-1:123456789012:demo'],
        detail: { event: 'referenceUpdated', repositoryName: 'demo', referenceType: 'branch', referenceName: 'main', commitId },
      }),
    });
    expect(answer.status).toBe(202);
    expect(await answer.json()).toEqual({ queued: ['static:demo'] });

    const rows = await pollUntil(() => findingRows(dbFile), (r) => r.length > 0);
    expect(rows.every((r) => r.repository_id === 'static:demo')).toBe(true);
    expect(rows.some((r) => r.rule_id.startsWith('aws'))).toBe(true);
    const dump = JSON.stringify(rows) + daemon.stderr();
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(keyId);
    expect(daemon.stderr()).not.toContain(token);
  }, 60_000);

  it('opens exactly one notify incident for the owner, with a timeline, and `incidents list` shows it', async () => {
    await daemon.waitForLog((l) => l['msg'] === 'Findings answered' && l['repository'] === 'static:demo');
    const listed = runCli(['incidents', 'list', '--config', join(root, 'config.yaml'), '--format', 'json'], {}, root);
    expect(listed.code).toBe(0);
    const incidents = JSON.parse(listed.stdout) as Array<{
      kind: string;
      policy: string;
      status: string;
      repository: { name: string; ownerEmail?: string };
      timeline: Array<{ action: string }>;
    }>;
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ kind: 'credential-exposure', policy: 'notify', status: 'open', repository: { name: 'demo', ownerEmail: 'owner@example.test' } });
    const actions = incidents[0]!.timeline.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['incident.opened', 'incident.determined']));
    const table = runCli(['incidents', 'list', '--config', join(root, 'config.yaml')], {}, root);
    expect(table.stdout).toContain('demo');
  }, 60_000);

  it('exposes the metrics in Prometheus format', async () => {
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toContain('leakwatch_repositories 1');
    expect(text).toMatch(/leakwatch_scans_total\{outcome="ok"\} [1-9]/);
    expect(text).toMatch(/leakwatch_findings\{severity="(critical|high)"\} [1-9]/);
    expect(text).toContain('leakwatch_scan_duration_seconds_bucket');
    expect(text).toContain('leakwatch_last_mirror_success_timestamp_seconds{repository="static:demo"}');
    expect(text).toContain('leakwatch_errors_total');
  });

  it('logs one line per job with repository, duration and outcome', () => {
    const jobs = daemon.lines.filter((l) => l['msg'] === 'Repository job finished');
    expect(jobs.length).toBeGreaterThanOrEqual(2);
    for (const job of jobs) expect(job).toMatchObject({ repository: 'static:demo', outcome: 'ok', durationMs: expect.any(Number) });
  });

  it('exits 0 on SIGTERM', async () => {
    daemon.child.kill('SIGTERM');
    const exit = await daemon.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(daemon.lines.some((l) => l['msg'] === 'Daemon stopped')).toBe(true);
  }, 15_000);
});
