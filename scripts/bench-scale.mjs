#!/usr/bin/env node
// npm run bench:scale [-- --repos 500 --replicas 1,2,3]
// Scale-out benchmark: builds N small bare repositories locally, runs the real daemon (dist/) as
// one SQLite process and as 1, 2 and 3 replicas on PostgreSQL (127.0.0.1:5432, database `test`,
// or LEAKWATCH_BENCH_DATABASE_URL; a fresh schema per run), lets each clone and scan everything
// once, then adds a commit holding an AWS key pair to every repository and sends the burst of N
// webhook events. Measured: time from the burst to every repository's new finding being stored,
// and (PostgreSQL) the queue latency of the burst's jobs, from the replicas' /metrics.
// Prints a Markdown table; figures in docs/benchmarks.md ("Scale-out").
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createRandom, fakeAwsKeyPair } from './bench/fake-secrets.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { repos: { type: 'string', default: '500' }, replicas: { type: 'string', default: '1,2,3' } } });
const N = Number(values.repos);
const REPLICAS = values.replicas.split(',').map(Number);
const DATABASE = process.env.LEAKWATCH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TOKEN = randomBytes(16).toString('hex');
// AWS calls of the incident engine (notify policy: who owns the key) go to a closed local port and
// fail at once, so the figures measure the queue and the scans, not the network of the machine.
const GIT_ENV = {
  ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0',
  AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_MAX_ATTEMPTS: '1', AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench',
};
const random = createRandom('bench-scale');
const work = mkdtempSync(join(tmpdir(), 'leakwatch-bench-scale-'));

function fastImport(dir, stream) {
  execFileSync('git', ['fast-import', '--quiet'], { env: { ...GIT_ENV, GIT_DIR: dir }, input: stream });
}

function commitStream(message, files, parent) {
  const parts = [`commit refs/heads/main\ncommitter B <b@example.test> ${1_700_000_000 + Math.floor(Math.random() * 1e6)} +0000\ndata ${message.length}\n${message}\n`];
  if (parent) parts.push('from refs/heads/main^0\n');
  for (const [path, text] of Object.entries(files)) parts.push(`M 644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}\n`);
  return parts.join('') + '\n';
}

function buildRepositories() {
  const lines = ['repositories:'];
  for (let i = 0; i < N; i++) {
    const dir = join(work, 'repos', `b${i}.git`);
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', dir], { env: GIT_ENV });
    fastImport(dir, commitStream('init', { 'README.md': `# b${i}\n`, 'src/app.js': `export const id = ${i};\n` }, false));
    lines.push(`  - url: ${dir}`, `    name: b${i}`, '    region: eu-west-1', '    owner: owner@example.test');
  }
  writeFileSync(join(work, 'inventory.yaml'), `${lines.join('\n')}\n`);
}

function pushSecrets() {
  for (let i = 0; i < N; i++) {
    const { keyId, secret } = fakeAwsKeyPair(random);
    fastImport(join(work, 'repos', `b${i}.git`), commitStream('deploy', { [`deploy-${i}.env`]: `AWS_ACCESS_KEY_ID=${keyId}\nAWS_SECRET_ACCESS_KEY=${secret}\n` }, true));
  }
}

function startReplica(name, env) {
  const child = spawn(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'daemon', '--config', join(work, 'config.yaml')], {
    env: { ...GIT_ENV, LEAKWATCH_HTTP_WEBHOOK_TOKEN: TOKEN, LEAKWATCH_DATA_DIR: join(work, 'run', name), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let buffer = '';
  return new Promise((done, fail) => {
    child.stderr.on('data', (chunk) => {
      buffer += chunk;
      const match = /"msg":"Daemon listening"[^\n]*"url":"([^"]+)"|"url":"([^"]+)"[^\n]*"msg":"Daemon listening"/.exec(buffer);
      if (match) done({ child, url: match[1] ?? match[2] });
      if (buffer.length > 1e6) buffer = buffer.slice(-1e5);
    });
    child.on('exit', (code) => fail(new Error(`replica ${name} exited (${code}): ${buffer.slice(-2000)}`)));
  });
}

async function poll(read, done) {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((wake) => setTimeout(wake, 200));
  }
}

async function sendBurst(replicas) {
  let next = 0;
  const send = async () => {
    for (let i = next++; i < N; i = next++) {
      const { url } = replicas[i % replicas.length];
      const body = JSON.stringify({
        version: '0', source: 'aws.codecommit', 'detail-type': 'CodeCommit Repository State Change', region: 'eu-west-1',
        detail: { event: 'referenceUpdated', repositoryName: `b${i}`, referenceType: 'branch', referenceName: 'main' },
      });
      const answer = await fetch(`${url}/webhook/codecommit`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body });
      if (answer.status !== 202) throw new Error(`webhook answered ${answer.status}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, send));
}

/** Mean and approximate 95th percentile of the burst's queue latency, from the histogram deltas. */
async function queueLatency(replicas, before) {
  const now = await latencyHistogram(replicas);
  const buckets = [...now.buckets.keys()].sort((a, b) => a - b);
  const count = now.count - before.count;
  const p95 = buckets.find((le) => now.buckets.get(le) - (before.buckets.get(le) ?? 0) >= 0.95 * count);
  return { jobs: count, meanSeconds: count > 0 ? (now.sum - before.sum) / count : null, p95Seconds: p95 ?? null };
}

async function latencyHistogram(replicas) {
  const total = { sum: 0, count: 0, buckets: new Map() };
  for (const { url } of replicas) {
    const text = await (await fetch(`${url}/metrics`)).text();
    for (const line of text.split('\n')) {
      if (!line.startsWith('leakwatch_queue_latency_seconds')) continue;
      const value = Number(line.split(' ').at(-1));
      if (line.startsWith('leakwatch_queue_latency_seconds_sum')) total.sum += value;
      else if (line.startsWith('leakwatch_queue_latency_seconds_count')) total.count += value;
      else {
        const le = /le="([^"]+)"/.exec(line)?.[1];
        const key = le === '+Inf' ? Infinity : Number(le);
        total.buckets.set(key, (total.buckets.get(key) ?? 0) + value);
      }
    }
  }
  return total;
}

async function run(backend, replicaCount) {
  rmSync(join(work, 'run'), { recursive: true, force: true });
  mkdirSync(join(work, 'run'), { recursive: true });
  const schema = `lw_bench_${randomBytes(4).toString('hex')}`;
  const env = backend === 'postgres' ? { LEAKWATCH_DATABASE_URL: `${DATABASE}?schema=${schema}` } : {};
  const client = backend === 'postgres' ? new pg.Client({ connectionString: DATABASE }) : undefined;
  await client?.connect();
  await client?.query(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}`);
  const count = async (sql) => {
    if (client) return Number((await client.query(`SELECT count(*) AS n FROM ${sql}`).catch(() => ({ rows: [{ n: 0 }] }))).rows[0].n);
    try {
      const db = new Database(join(work, 'run', 'r0', 'state.db'), { readonly: true, fileMustExist: true });
      try {
        return db.prepare(`SELECT count(*) FROM ${sql}`).pluck().get();
      } finally {
        db.close();
      }
    } catch {
      return 0;
    }
  };
  const replicas = [];
  try {
    for (let r = 0; r < replicaCount; r++) replicas.push(await startReplica(`r${r}`, env));
    // The start's own jobs clone and scan every repository once.
    await poll(() => count("repositories WHERE last_mirror_ok_at IS NOT NULL"), (n) => n === N);
    await poll(() => count('repositories'), (n) => n === N);
    pushSecrets();
    const before = backend === 'postgres' ? await latencyHistogram(replicas) : undefined;
    const started = Date.now();
    await sendBurst(replicas);
    await poll(() => count("(SELECT DISTINCT repository_id FROM findings) AS f"), (n) => n === N);
    const seconds = (Date.now() - started) / 1000;
    const latency = before === undefined ? null : await queueLatency(replicas, before);
    return { backend, replicas: replicaCount, repositories: N, seconds, perSecond: N / seconds, latency };
  } finally {
    for (const { child } of replicas) child.kill('SIGTERM');
    await Promise.all(replicas.map(({ child }) => new Promise((done) => (child.exitCode !== null ? done() : child.once('exit', done)))));
    if (client) {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`);
      await client.end();
    }
  }
}

writeFileSync(
  join(work, 'config.yaml'),
  [
    `inventory: { staticFile: ${join(work, 'inventory.yaml')} }`,
    "schedule: { inventoryRefresh: '0 0 1 1 *', mirrorScan: '0 0 1 1 *', watch: '0 0 1 1 *', escalation: '0 0 1 1 *' }",
    'http: { host: 127.0.0.1, port: 0 }',
    'logLevel: info',
    '',
  ].join('\n'),
);
try {
  process.stderr.write(`building ${N} repositories in ${work} (again for each run)\n`);
  const load = loadavg()[0];
  const results = [];
  for (const [backend, count] of [['sqlite', 1], ...REPLICAS.map((n) => ['postgres', n])]) {
    // Each run starts from fresh clones: the repositories are rebuilt without the pushed commit.
    rmSync(join(work, 'repos'), { recursive: true, force: true });
    buildRepositories();
    process.stderr.write(`${backend}, ${count} replica(s)...\n`);
    const result = await run(backend, count);
    process.stderr.write(`${JSON.stringify(result)}\n`);
    results.push(result);
  }
  const base = results.find((r) => r.backend === 'postgres' && r.replicas === 1);
  const lines = [
    `Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), load average ${load.toFixed(1)} at the start, then ${loadavg()[0].toFixed(1)}; Node ${process.version}; ${N} repositories, a burst of ${N} pushes.`,
    '',
    '| store | replicas | burst → all scanned | repositories/s | vs 1 replica | queue latency mean | p95 ≤ |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...results.map((r) =>
      `| ${r.backend} | ${r.replicas} | ${r.seconds.toFixed(1)} s | ${r.perSecond.toFixed(1)} | ${r.backend === 'postgres' && base ? `${(r.perSecond / base.perSecond).toFixed(2)}×` : '—'} | ${r.latency?.meanSeconds == null ? '—' : `${r.latency.meanSeconds.toFixed(1)} s`} | ${r.latency?.p95Seconds == null ? '—' : `${r.latency.p95Seconds} s`} |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
