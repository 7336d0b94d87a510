// `npm run bench`: the scan speed benchmark of issue 2. Builds or reuses the corpus
// (scripts/bench/build-scan-corpus.mjs), then measures on that repository, in one run:
// the two floors (reading every object with `git cat-file`, and `git log -p`, the bound of any
// diff-based scanner), a full `leakwatch scan` with a fresh state directory, a rerun with the
// same state, the scan's peak RSS, and a scan with a hostile user rule (bench/hostile-regex.mjs).
// Each figure is the median of several runs. Prints a table
// with PASS/FAIL per target (or JSON with --json) and exits 0 whatever the verdicts; exit 2
// means the benchmark could not run at all.
//
// Usage: node scripts/bench-scan.mjs [--quick] [--json] [--runs N] [--rebuild]
// LEAKWATCH_BENCH_CLI="node path/to/cli.js" replaces the command under test.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildScanCorpus } from './bench/build-scan-corpus.mjs';
import { evaluateTargets, formatTable } from './bench/format-report.mjs';
import { timeHostileRegex } from './bench/hostile-regex.mjs';
import { GIT_ENV } from './bench/git.mjs';
import { TIME_BIN, median, repeat, timeProcess } from './bench/measure.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: node scripts/bench-scan.mjs [--quick] [--json] [--runs N] [--rebuild]';

/** A reason the benchmark cannot run; main() prints its one line and exits 2. */
class BenchError extends Error {}

function fail(message) {
  throw new BenchError(message);
}

function parseArgs(argv) {
  const opts = { quick: false, json: false, runs: 3, rebuild: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') opts.quick = true;
    else if (arg === '--json') opts.json = true;
    else if (arg === '--rebuild') opts.rebuild = true;
    else if (arg === '--runs') opts.runs = Number(argv[++i]);
    else if (arg === '--help' || arg === '-h') { console.log(USAGE); process.exit(0); }
    else fail(`unknown option ${arg}; ${USAGE}`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) fail(`--runs needs a whole number of at least 1; ${USAGE}`);
  return opts;
}

function commandUnderTest() {
  const override = process.env.LEAKWATCH_BENCH_CLI?.trim();
  if (override) {
    const [command, ...args] = override.split(/\s+/);
    return { command, args, label: override };
  }
  const main = join(ROOT, 'dist', 'cli', 'main.js');
  if (!existsSync(main)) fail('dist/cli/main.js is missing: run npm run build first');
  return { command: process.execPath, args: [main], label: 'node dist/cli/main.js' };
}

async function timeGit(repo, args, runs) {
  const results = await repeat(runs, () => timeProcess('git', ['-C', repo, ...args], { env: GIT_ENV }));
  const bad = results.find((r) => r.code !== 0);
  if (bad) fail(`git ${args[0]} failed (exit ${bad.code}): ${bad.stderr.trim().split('\n').at(-1)}`);
  return { seconds: median(results.map((r) => r.seconds)), runs: results.map((r) => r.seconds) };
}

/** One scan run; the report is read back from the output file. Exit 1 (findings) is success. */
async function scanOnce(cli, repo, state) {
  const output = join(state, '..', `report-${Date.now()}.json`);
  const args = [...cli.args, 'scan', repo, '--format', 'json', '--state', state, '--output', output];
  const result = await timeProcess(cli.command, args, { rss: true });
  if (result.code !== 0 && result.code !== 1) {
    fail(`${cli.label} scan failed (exit ${result.code}): ${result.stderr.trim().split('\n').at(-1) ?? ''}`);
  }
  if (!existsSync(output)) fail(`${cli.label} scan wrote no report to --output`);
  const report = JSON.parse(readFileSync(output, 'utf8'));
  rmSync(output, { force: true });
  return { seconds: result.seconds, rssKb: result.rssKb, stats: report.stats ?? {}, findings: report.findings ?? [] };
}

function plantedFound(manifest, findings) {
  const seen = new Set(findings.map((f) => f.secretSha256));
  const missing = manifest.planted.filter((p) => !p.sha256.some((h) => seen.has(h))).map((p) => p.id);
  return { total: manifest.planted.length, found: manifest.planted.length - missing.length, missing };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const cli = commandUnderTest();
  if (!existsSync(TIME_BIN)) fail(`${TIME_BIN} is missing: install GNU time (apt-get install time)`);
  const log = (line) => console.error(`bench: ${line}`);
  const loadAtStart = Number(loadavg()[0].toFixed(2));

  const { repo, manifest, reused } = await buildScanCorpus({
    quick: opts.quick, force: opts.rebuild, dataDir: join(ROOT, 'bench-data'), log,
  }).catch((err) => fail(`building the benchmark corpus failed: ${String(err.message).trim().split('\n')[0]}`));
  log(`${reused ? 'reusing' : 'built'} ${repo} (${manifest.commits} commits, ${manifest.blobs} blobs)`);

  // One untimed read so every figure below starts from the same warm page cache.
  await timeGit(repo, ['cat-file', '--batch-all-objects', '--batch-check'], 1);
  log('floor A');
  const floorA = await timeGit(repo, ['cat-file', '--batch-all-objects', '--batch'], opts.runs);
  const floorAUnordered = await timeGit(repo, ['cat-file', '--batch-all-objects', '--batch', '--unordered'], opts.runs);
  log('floor B');
  const floorB = await timeGit(repo, ['log', '-p', '-U0', '--all', '--full-history'], opts.runs);

  // The least a rerun can cost: starting the CLI at all.
  const startupRuns = await repeat(opts.runs, () => timeProcess(cli.command, [...cli.args, '--version']));
  const startup = startupRuns.every((r) => r.code === 0) ? { seconds: median(startupRuns.map((r) => r.seconds)) } : { seconds: null };

  const work = mkdtempSync(join(tmpdir(), 'leakwatch-bench-'));
  try {
    log(`full scan with ${cli.label}`);
    const full = await repeat(opts.runs, (i) => scanOnce(cli, repo, join(work, `state-${i}`)));
    log('rerun with the same state');
    const rerun = await repeat(opts.runs, () => scanOnce(cli, repo, join(work, `state-${opts.runs - 1}`)));

    log('hostile regex rule');
    const hostileRegex = await timeHostileRegex(cli);

    const scanSeconds = median(full.map((r) => r.seconds));
    const last = full.at(-1);
    const rss = full.map((r) => r.rssKb).filter((v) => v !== null);
    const figures = {
      corpus: { repo, ...manifest, planted: undefined },
      command: cli.label,
      runs: opts.runs,
      // Other work on the machine skews every figure; the load average says how much there was.
      machine: { cpus: cpus().length, loadAverageAtStart: loadAtStart, node: process.version },
      floorA,
      floorAUnordered,
      floorB,
      startup,
      scan: {
        seconds: scanSeconds,
        runs: full.map((r) => r.seconds),
        mbPerSecond: (last.stats.bytes ?? 0) / 1e6 / scanSeconds,
        peakRssMb: rss.length ? (Math.max(...rss) * 1024) / 1e6 : null,
        stats: last.stats,
        findings: last.findings.length,
      },
      rerun: { seconds: median(rerun.map((r) => r.seconds)), runs: rerun.map((r) => r.seconds), stats: rerun.at(-1).stats },
      hostileRegex,
      ratios: { floorA: scanSeconds / floorA.seconds, floorB: scanSeconds / floorB.seconds },
      planted: plantedFound(manifest, last.findings),
    };
    figures.targets = evaluateTargets(figures);
    console.log(opts.json ? JSON.stringify(figures, null, 2) : formatTable(figures));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (err) {
  if (!(err instanceof BenchError)) throw err;
  console.error(err.message);
  process.exitCode = 2;
}
