#!/usr/bin/env node
// Detection-quality benchmark (npm run bench:quality): builds the labelled corpus if it is
// missing or stale, scans it with the leakwatch CLI (or LEAKWATCH_BENCH_CLI), and prints
// recall, precision and F1 overall and per kind. Exit 0 whatever the figures; 2 when the CLI
// is missing or the scan fails.
//
//   node scripts/bench-quality.mjs [--json] [--rebuild] [--seed N] [--build-only]
//   env: LEAKWATCH_BENCH_CLI (scanner entry point), LEAKWATCH_BENCH_ARGS (extra scan options)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { buildCorpus, DEFAULT_SEED } from './bench/quality-corpus.mjs';
import { score } from './bench/quality-score.mjs';
import { printReport } from './bench/quality-report.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench-data', 'quality');
const TARGETS = { recall: 0.95, precision: 0.95 };

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const seedArg = args.indexOf('--seed');
const seed = seedArg >= 0 ? Number(args[seedArg + 1]) : DEFAULT_SEED;
if (!Number.isInteger(seed)) {
  console.error('--seed needs an integer');
  process.exit(2);
}

/** Hash of the generator's own sources: a changed generator rebuilds the corpus. */
function generatorHash() {
  const h = createHash('sha256');
  const dir = join(ROOT, 'scripts', 'bench');
  for (const f of readdirSync(dir).filter((n) => n.startsWith('quality-')).sort()) h.update(f).update(readFileSync(join(dir, f)));
  return h.digest('hex').slice(0, 16);
}

function loadCorpus() {
  const labelsPath = join(OUT, 'labels.json');
  const gen = `${generatorHash()}:${seed}`;
  if (!flag('--rebuild') && existsSync(labelsPath) && existsSync(join(OUT, 'repo.git'))) {
    const labels = JSON.parse(readFileSync(labelsPath, 'utf8'));
    if (labels.generator === gen) return labels;
  }
  return buildCorpus(OUT, seed, gen).labels;
}

/** Rules of kind sensitive-data (environment intelligence) and password-hash report no credential. */
function sensitiveDataRules() {
  const ids = new Set();
  const dir = join(ROOT, 'detectors');
  if (!existsSync(dir)) return ids;
  for (const f of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
    const doc = parseYaml(readFileSync(join(dir, f), 'utf8'));
    for (const r of doc?.rules ?? []) if (r.kind === 'sensitive-data' || r.kind === 'password-hash') ids.add(r.id);
  }
  return ids;
}

const cli = process.env.LEAKWATCH_BENCH_CLI ? resolve(process.env.LEAKWATCH_BENCH_CLI) : join(ROOT, 'dist', 'cli', 'main.js');
if (!flag('--build-only') && !existsSync(cli)) {
  console.error(`${cli} is missing: run npm run build first`);
  process.exit(2);
}

const labels = loadCorpus();
const corpus = {
  commits: labels.commits, seed: labels.seed,
  planted: labels.planted.length, plantedKinds: new Set(labels.planted.map((s) => s.kind)).size,
  decoys: labels.decoys.length, decoyKinds: new Set(labels.decoys.map((d) => d.kind)).size,
};
if (flag('--build-only')) {
  const count = (list, key) => Object.entries(list.reduce((m, x) => ({ ...m, [x[key]]: (m[x[key]] ?? 0) + 1 }), {})).map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(`Built ${join(OUT, 'repo.git')}: ${corpus.commits} commits, ${corpus.planted} planted, ${corpus.decoys} decoys`);
  console.log(`Planted by kind: ${count(labels.planted, 'kind')}`);
  console.log(`Planted by placement: ${count(labels.planted, 'placement')}`);
  console.log(`Decoys by kind: ${count(labels.decoys, 'kind')}`);
  process.exit(0);
}

const state = mkdtempSync(join(tmpdir(), 'lw-bench-quality-'));
const started = Date.now();
// LEAKWATCH_BENCH_ARGS adds scan options, e.g. "--rules ../my-rules" to measure rules in progress.
const extra = (process.env.LEAKWATCH_BENCH_ARGS ?? '').split(/\s+/).filter(Boolean);
const run = spawnSync(process.execPath, [cli, 'scan', join(OUT, 'repo.git'), '--format', 'json', '--state', state, '--no-progress', ...extra], { maxBuffer: 1 << 30, encoding: 'utf8' });
const wallMs = Date.now() - started;
rmSync(state, { recursive: true, force: true });
if (run.status !== 0 && run.status !== 1) {
  console.error(`scan failed (exit ${run.status}): ${(run.stderr || run.error?.message || '').trim().split('\n')[0]}`);
  process.exit(2);
}
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error('scan output is not JSON: check the CLI with --format json');
  process.exit(2);
}

const result = score(labels, report, { neutralRules: sensitiveDataRules() });
const o = result.overall;
const pass = o.recall !== null && o.precision !== null && o.recall >= TARGETS.recall && o.precision >= TARGETS.precision;
const out = { corpus, scan: { wallMs, stats: report.stats ?? null, findings: (report.findings ?? []).length }, score: result, targets: TARGETS, pass };
if (flag('--json')) console.log(JSON.stringify(out, null, 2));
else printReport(out);
