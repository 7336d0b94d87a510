/**
 * Three real daemon processes on one PostgreSQL: 30 repositories served over HTTP from local bare
 * repositories, a secret pushed to each while replicas start and stop, one replica killed with
 * kill -9 in the middle of a repository job. Every push must be scanned, each secret must end
 * with exactly one incident and one message (a real SMTP server counts them, by Message-ID), and
 * no repository job may run on two replicas at once (read from the replicas' own job logs).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemonProcess } from '../../helpers/daemon-process.js';
import type { DaemonProcess } from '../../helpers/daemon-process.js';
import { startGitHttpServer } from '../../helpers/git-http-server.js';
import type { GitHttpServer } from '../../helpers/git-http-server.js';
import { TestRepo, removeTempDirs, tempDir } from '../../helpers/git-repo.js';
import { startSmtpSink } from '../../helpers/smtp-sink.js';
import type { SmtpSink } from '../../helpers/smtp-sink.js';
import { awsKeyId, awsSecretKey } from '../../helpers/tokens.js';
import { TEST_DATABASE_URL, freshSchema, probePostgres, schemaUrl } from '../../store/contract/backends.js';

const REPOS = 30;
const NEVER = '0 0 1 1 *';
const OWNER = 'owner@example.test';
const unavailable = await probePostgres();

interface Replica {
  name: string;
  daemon: DaemonProcess;
  url: string;
}

async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((wake) => setTimeout(wake, 250));
  }
}

describe.skipIf(unavailable !== undefined)(`three daemon replicas on PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  const token = ['tok', 'en-'].join('') + Math.random().toString(36).slice(2);
  const schema = freshSchema();
  let root: string;
  let server: GitHttpServer;
  let sink: SmtpSink;
  let db: pg.Client;
  const work: TestRepo[] = [];
  const replicas: Replica[] = [];
  const all: DaemonProcess[] = [];

  async function startReplica(name: string): Promise<Replica> {
    const daemon = startDaemonProcess(join(root, 'config.yaml'), { LEAKWATCH_HTTP_WEBHOOK_TOKEN: token, LEAKWATCH_DATA_DIR: join(root, name) }, root);
    all.push(daemon);
    const listening = await daemon.waitForLog((l) => l['msg'] === 'Daemon listening');
    const replica = { name, daemon, url: String(listening['url']) };
    replicas.push(replica);
    return replica;
  }

  async function withRetriedConnection(send: () => Promise<Response>): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await send();
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  async function push(i: number, via: Replica): Promise<void> {
    const repo = work[i]!;
    repo.commit(`deploy config ${i}`, { [`deploy-${i}.py`]: `aws_access_key_id = "${awsKeyId()}"\naws_secret_access_key = "${awsSecretKey()}"\n` });
    repo.git('push', '-q', 'origin', 'main');
    // A sender retries a delivery whose connection failed, as EventBridge and SNS do: under load
    // a pooled keep-alive connection can be reused at the moment the server closes it.
    const answer = await withRetriedConnection(() => fetch(`${via.url}/webhook/codecommit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        version: '0', source: 'aws.codecommit', 'detail-type': 'CodeCommit Repository State Change', account: '123456789012', region: 'eu-west-1',
        resources: [`arn:aws:codecommit:eu-west-1:123456789012:r${i}`],
        detail: { event: 'referenceUpdated', repositoryName: `r${i}`, referenceType: 'branch', referenceName: 'main', commitId: repo.head() },
      }),
    }));
    expect(answer.status).toBe(202);
  }

  const count = async (sql: string): Promise<number> => Number((await db.query(`SELECT count(*) AS n FROM ${schema}.${sql}`)).rows[0].n);

  beforeAll(async () => {
    root = tempDir();
    const served = join(root, 'served');
    mkdirSync(join(served, 'v1', 'repos'), { recursive: true });
    for (let i = 0; i < REPOS; i++) {
      const repo = TestRepo.create();
      repo.commit('readme', { 'README.md': `# r${i}\n` });
      const bare = join(served, 'v1', 'repos', `r${i}`);
      repo.git('clone', '-q', '--bare', repo.dir, bare);
      repo.git('remote', 'add', 'origin', bare);
      work.push(repo);
    }
    server = await startGitHttpServer({ root: served });
    sink = await startSmtpSink();
    db = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();
    const inventory = Array.from({ length: REPOS }, (_, i) => `  - url: ${server.url}/v1/repos/r${i}\n    name: r${i}\n    region: eu-west-1\n    owner: ${OWNER}\n`);
    writeFileSync(join(root, 'inventory.yaml'), `repositories:\n${inventory.join('')}`);
    writeFileSync(
      join(root, 'config.yaml'),
      [
        `databaseUrl: '${schemaUrl(schema)}'`,
        'logLevel: debug',
        `inventory: { staticFile: ${join(root, 'inventory.yaml')} }`,
        'mirror: { concurrency: 2, retries: 1, backoffSeconds: 0 }',
        // A killed replica's job is taken over after its timeout; short here so the test is short.
        'queue: { jobTimeoutSeconds: 20, maintenanceIntervalSeconds: 2, retryDelaySeconds: 1, repositoryLeaseSeconds: 8 }',
        `schedule: { inventoryRefresh: '${NEVER}', mirrorScan: '${NEVER}', watch: '${NEVER}', escalation: '${NEVER}' }`,
        'http: { host: 127.0.0.1, port: 0 }',
        `response: { email: { channel: smtp, from: leakwatch@example.test, smtpUrl: 'smtp://127.0.0.1:${sink.port}' } }`,
        '',
      ].join('\n'),
    );
  }, 120_000);

  afterAll(async () => {
    for (const d of all) if (d.child.exitCode === null && d.child.signalCode === null) d.child.kill('SIGKILL');
    await Promise.all(all.map((d) => d.exited));
    await server?.close();
    await sink?.close();
    await db?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await db?.query(`DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`).catch(() => undefined);
    await db?.end();
    removeTempDirs();
  });

  it('scans every push once, opens one incident and sends one message per secret, through a kill -9 mid-job', async () => {
    const [a, b] = [await startReplica('a'), await startReplica('b')];
    // The start's own jobs: every repository cloned once, by either replica.
    await pollUntil(() => count('repositories WHERE last_mirror_ok'), (n) => n === REPOS);

    for (let i = 0; i < 10; i++) await push(i, i % 2 === 0 ? a : b);
    const c = await startReplica('c');

    // kill -9, in the middle of a push's job, whichever replica first holds one: the mail server
    // holds every message, so a job that found its secret cannot end before its owner message is
    // answered. Any replica may take a push's job, so the one to kill is found, not chosen.
    let release!: () => void;
    sink.hold = new Promise<void>((done) => (release = done));
    const from = new Map([a, b, c].map((r) => [r, r.daemon.lines.length]));
    for (let i = 10; i < 20; i++) await push(i, [a, b, c][i % 3]!);
    const pushed = new Set(Array.from({ length: 10 }, (_, k) => `static:r${10 + k}`));
    // Jobs of a pushed repository still open on a replica (a push coalesces with a job already
    // waiting, whatever its reason).
    const openJobs = (r: Replica): Array<Record<string, unknown>> => {
      const lines = r.daemon.lines.slice(from.get(r));
      const ended = new Set(lines.filter((l) => l['msg'] === 'Repository job ended').map((l) => l['job']));
      return lines.filter((l) => l['msg'] === 'Repository job started' && pushed.has(String(l['repository'])) && !ended.has(l['job']));
    };
    const found: { victim?: Replica; started?: Record<string, unknown> } = {};
    await pollUntil(
      async () => {
        const held = await db.query(`SELECT DISTINCT i.repository FROM ${schema}.incident_actions x JOIN ${schema}.incidents i ON i.id = x.incident_id WHERE x.key = 'notify.owner.smtp' AND x.state = 'started'`);
        const blocked = new Set((held.rows as Array<{ repository: string }>).map((row) => `static:${row.repository}`));
        for (const r of [a, b, c]) {
          const line = openJobs(r).find((l) => blocked.has(String(l['repository'])));
          if (line === undefined) continue;
          found.victim = r;
          found.started = line;
          return true;
        }
        return false;
      },
      (done) => done,
    );
    const killed = found.victim!;
    const started = found.started!;
    killed.daemon.child.kill('SIGKILL');
    const killedAt = Date.now();
    await killed.daemon.exited;
    sink.hold = null;
    release();
    replicas.splice(replicas.indexOf(killed), 1);

    // Pushes go on while one replica stops cleanly and comes back.
    const [stopping, staying] = [a, b, c].filter((r) => r !== killed) as [Replica, Replica];
    for (let i = 20; i < 25; i++) await push(i, staying);
    stopping.daemon.child.kill('SIGTERM');
    expect((await stopping.daemon.exited).code).toBe(0);
    replicas.splice(replicas.indexOf(stopping), 1);
    const restarted = await startReplica(stopping.name);
    for (let i = 25; i < REPOS; i++) await push(i, i % 2 === 0 ? restarted : staying);

    // Every secret found and answered: one incident per repository, each told once.
    await pollUntil(
      async () => ({ incidents: await count('incidents'), notified: await count("incident_actions WHERE key = 'notify.owner.smtp' AND state = 'done'"), pending: await count('response_outbox') }),
      (t) => t.incidents >= REPOS && t.notified >= REPOS && t.pending === 0,
    );
    const perRepository = (await db.query(`SELECT repository, count(*) AS n FROM ${schema}.incidents GROUP BY repository ORDER BY repository`)).rows as Array<{ repository: string; n: string }>;
    expect(perRepository.map((r) => r.repository).sort()).toEqual(Array.from({ length: REPOS }, (_, i) => `r${i}`).sort());
    expect(perRepository.every((r) => r.n === '1')).toBe(true);
    expect(await count('incidents')).toBe(REPOS);
    expect(await count("incident_actions WHERE state = 'started'")).toBe(0);
    const ids = sink.received.map((m) => /^Message-ID:\s*(\S+)/im.exec(m.raw)?.[1] ?? 'none');
    expect(new Set(ids).size).toBe(REPOS);
    expect(ids).not.toContain('none');
    expect(sink.received.every((m) => m.to.join(',') === OWNER)).toBe(true);

    // The killed replica's job was cut short (it never ended there) and is taken over by another
    // replica once its timeout passes, even when the findings it was after are already answered.
    const killedRepository = String(started['repository']);
    expect(killed.daemon.lines.some((l) => l['msg'] === 'Repository job ended' && l['job'] === started['job'])).toBe(false);
    const others = all.filter((d) => d !== killed.daemon);
    await pollUntil(
      async () => others.some((d) => d.lines.some((l) => l['msg'] === 'Repository job finished' && l['repository'] === killedRepository && Number(l['time']) > killedAt)),
      (found) => found,
    );

    // No repository job ran on two replicas at once: per repository, the [started, ended] intervals
    // of all replicas (a killed replica's open interval ends at the kill) never overlap.
    const intervals = new Map<string, Array<[number, number, string]>>();
    for (const d of all) {
      const open = new Map<string, number>();
      for (const l of d.lines) {
        const repository = String(l['repository']);
        if (l['msg'] === 'Repository job started') open.set(repository, Number(l['time']));
        if (l['msg'] === 'Repository job ended' && open.has(repository)) {
          const list = intervals.get(repository) ?? [];
          list.push([open.get(repository)!, Number(l['time']), String(l['replica'])]);
          intervals.set(repository, list);
          open.delete(repository);
        }
      }
      for (const [repository, at] of open) intervals.set(repository, [...(intervals.get(repository) ?? []), [at, d === killed.daemon ? killedAt : Infinity, 'open']]);
    }
    let jobs = 0;
    for (const list of intervals.values()) {
      list.sort((x, y) => x[0] - y[0]);
      jobs += list.length;
      for (let k = 1; k < list.length; k++) expect(list[k]![0]).toBeGreaterThanOrEqual(list[k - 1]![1]);
    }
    expect(jobs).toBeGreaterThanOrEqual(2 * REPOS);
    // Every replica that ran from the start took part (the restarted one may find nothing left).
    for (const d of all.slice(0, 3)) expect(d.lines.some((l) => l['msg'] === 'Repository job started')).toBe(true);
  }, 400_000);
});
