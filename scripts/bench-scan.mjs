// `npm run bench`: the scan speed benchmark (issues 2 and 14). Builds or reuses two corpora
// (scripts/bench/build-scan-corpus.mjs): the library history of corpus-spec.mjs, and the
// real-shaped history of corpus-spec-auth.mjs (many commits of small blobs dense in key, token,
// secret and password words). On each, in one run: the floors (reading every object with
// `git cat-file`, in object-id order and `--unordered`, and `git log -p`, the bound of any
// diff-based scanner), a full `leakwatch scan` with a fresh state directory, a rerun with the
// same state, the scan's peak RSS. Once: the CLI start-up beside `node -e 0`, a plain-directory
// scan of the newest version of every package unpacked (bench/build-scan-tree.mjs), and a scan
// with a hostile user rule (bench/hostile-regex.mjs). Each figure is the median of several runs.
// With --large, a third corpus too (corpus-spec-large.mjs: tens of thousands of commits, several
// GB of blobs) for peak memory on a big history; --large-only measures that corpus alone. It is
// built into bench-data/ or --large-dir (minutes to build; never committed). Peak RSS is the
// whole process tree's (the scan and its git children), see bench/tree-rss.mjs.
// Prints a table with PASS/FAIL per target (or JSON with --json) and exits 0 whatever the
// verdicts; exit 2 means the benchmark could not run at all.
//
// Usage: node scripts/bench-scan.mjs [--quick] [--json] [--runs N] [--rebuild]
//                                    [--large | --large-only] [--large-dir DIR]
// LEAKWATCH_BENCH_CLI="node path/to/cli.js" replaces the command under test.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from './bench/build-scan-corpus.mjs';
import { buildScanTree } from './bench/build-scan-tree.mjs';
import { FULL_SPEC, QUICK_SPEC } from './bench/corpus-spec.mjs';
import { AUTH_SPEC } from './bench/corpus-spec-auth.mjs';
import { LARGE_SPEC } from './bench/corpus-spec-large.mjs';
import { evaluateCorpusTargets, evaluateSharedTargets, formatTable } from './bench/format-report.mjs';
import { timeHostileRegex } from './bench/hostile-regex.mjs';
import { GIT_ENV } from './bench/git.mjs';
import { TIME_BIN, median, repeat, timeProcess } from './bench/measure.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: node scripts/bench-scan.mjs [--quick] [--json] [--runs N] [--rebuild] [--large | --large-only] [--large-dir DIR]';

/** A reason the benchmark cannot run; main() prints its one line and exits 2. */
class BenchError extends Error {}

function fail(message) {
  throw new BenchError(message);
}

function parseArgs(argv) {
  const opts = { quick: false, json: false, runs: 3, rebuild: false, large: false, largeOnly: false, largeDir: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') opts.quick = true;
    else if (arg === '--json') opts.json = true;
    else if (arg === '--rebuild') opts.rebuild = true;
    else if (arg === '--runs') opts.runs = Number(argv[++i]);
    else if (arg === '--large') opts.large = true;
    else if (arg === '--large-only') opts.large = opts.largeOnly = true;
    else if (arg === '--large-dir') opts.largeDir = argv[++i] ?? fail(`--large-dir needs a folder; ${USAGE}`);
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
  // The package's bin, as `npx leakwatch` runs it.
  const bin = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin.leakwatch;
  if (!existsSync(join(ROOT, bin))) fail(`${bin} is missing: run npm run build first`);
  return { command: process.execPath, args: [join(ROOT, bin)], label: `node ${bin}` };
}

async function timeGit(repo, args, runs) {
  const results = await repeat(runs, () => timeProcess('git', ['-C', repo, ...args], { env: GIT_ENV }));
  const bad = results.find((r) => r.code !== 0);
  if (bad) fail(`git ${args[0]} failed (exit ${bad.code}): ${bad.stderr.trim().split('\n').at(-1)}`);
  return { seconds: median(results.map((r) => r.seconds)), runs: results.map((r) => r.seconds) };
}

/** One scan run; the report is read back from the output file. Exit 1 (findings) is success. */
async function scanOnce(cli, target, stateArgs, work) {
  const output = join(work, `report-${Date.now()}.json`);
  const args = [...cli.args, 'scan', target, '--format', 'json', ...stateArgs, '--output', output];
  const result = await timeProcess(cli.command, args, { rss: true });
  if (result.code !== 0 && result.code !== 1) {
    fail(`${cli.label} scan failed (exit ${result.code}): ${result.stderr.trim().split('\n').at(-1) ?? ''}`);
  }
  if (!existsSync(output)) fail(`${cli.label} scan wrote no report to --output`);
  const report = JSON.parse(readFileSync(output, 'utf8'));
  rmSync(output, { force: true });
  return {
    seconds: result.seconds, rssKb: result.rssKb, processRssKb: result.processRssKb, treeRssKb: result.treeRssKb,
    cpuSeconds: result.cpuSeconds, stats: report.stats ?? {}, findings: report.findings ?? [],
  };
}

function plantedFound(manifest, findings) {
  const seen = new Set(findings.map((f) => f.secretSha256));
  const missing = manifest.planted.filter((p) => !p.sha256.some((h) => seen.has(h))).map((p) => p.id);
  return { total: manifest.planted.length, found: manifest.planted.length - missing.length, missing };
}

const peakMb = (runs, field = 'rssKb') => {
  const rss = runs.map((r) => r[field]).filter((v) => v !== null);
  return rss.length ? (Math.max(...rss) * 1024) / 1e6 : null;
};

/** Every per-corpus figure, all taken one after the other on the same repository. */
async function measureCorpus(cli, repo, manifest, opts, work, log) {
  // One untimed read so every figure below starts from the same warm page cache.
  await timeGit(repo, ['cat-file', '--batch-all-objects', '--batch-check'], 1);
  log(`${manifest.spec}: floors`);
  const floorA = await timeGit(repo, ['cat-file', '--batch-all-objects', '--batch'], opts.runs);
  const floorAUnordered = await timeGit(repo, ['cat-file', '--batch-all-objects', '--batch', '--unordered'], opts.runs);
  const floorB = await timeGit(repo, ['log', '-p', '-U0', '--all', '--full-history'], opts.runs);
  log(`${manifest.spec}: full scan with ${cli.label}`);
  const dir = join(work, manifest.spec);
  const full = await repeat(opts.runs, (i) => scanOnce(cli, repo, ['--state', join(dir, `state-${i}`)], work));
  log(`${manifest.spec}: rerun with the same state`);
  const rerun = await repeat(opts.runs, () => scanOnce(cli, repo, ['--state', join(dir, `state-${opts.runs - 1}`)], work));
  const scanSeconds = median(full.map((r) => r.seconds));
  const last = full.at(-1);
  const figures = {
    corpus: { repo, ...manifest, planted: undefined },
    floorA,
    floorAUnordered,
    floorB,
    scan: {
      seconds: scanSeconds,
      runs: full.map((r) => r.seconds),
      mbPerSecond: (last.stats.bytes ?? 0) / 1e6 / scanSeconds,
      peakRssMb: peakMb(full),
      // The two readings behind peakRssMb: the largest single process, and the tree's sum.
      peakProcessRssMb: peakMb(full, 'processRssKb'),
      peakTreeRssMb: peakMb(full, 'treeRssKb'),
      stats: last.stats,
      findings: last.findings.length,
    },
    rerun: { seconds: median(rerun.map((r) => r.seconds)), runs: rerun.map((r) => r.seconds), stats: rerun.at(-1).stats },
    ratios: {
      floorA: scanSeconds / floorA.seconds,
      floorAUnordered: scanSeconds / floorAUnordered.seconds,
      floorB: scanSeconds / floorB.seconds,
    },
    planted: plantedFound(manifest, last.findings),
  };
  figures.targets = evaluateCorpusTargets(figures);
  return figures;
}

/** `--version` beside `node -e 0` (the least any Node.js command costs), same runs interleaved. */
async function measureStartup(cli, runs) {
  const version = [];
  const node = [];
  for (let i = 0; i < runs; i++) {
    version.push(await timeProcess(cli.command, [...cli.args, '--version']));
    node.push(await timeProcess(process.execPath, ['-e', '0']));
  }
  if (version.some((r) => r.code !== 0)) return { seconds: null, nodeSeconds: median(node.map((r) => r.seconds)) };
  return { seconds: median(version.map((r) => r.seconds)), nodeSeconds: median(node.map((r) => r.seconds)) };
}

/**
 * The plain-directory scan, timed from outside (wall clock, start-up and report included: the
 * target's figure), and two readings beside it: the scan phase alone, as the report's
 * stats.durationMs gives it (listing, reading and matching, worker start-up included; Node.js
 * start-up, rule loading, findings and the report left out), and the CPU time of all threads,
 * which other work on the machine hardly moves.
 */
async function measureDirectory(cli, tree, runs, work) {
  const results = await repeat(runs, () => scanOnce(cli, tree.dir, ['--no-state'], work));
  const seconds = median(results.map((r) => r.seconds));
  const bytes = results.at(-1).stats.bytes ?? 0;
  const phases = results.map((r) => r.stats.durationMs).filter((ms) => typeof ms === 'number');
  const scanPhaseSeconds = phases.length ? median(phases) / 1000 : null;
  const cpu = results.map((r) => r.cpuSeconds).filter((s) => typeof s === 'number');
  const cpuSeconds = cpu.length ? median(cpu) : null;
  return {
    dir: tree.dir, files: results.at(-1).stats.blobs, bytes, seconds, runs: results.map((r) => r.seconds), mbPerSecond: bytes / 1e6 / seconds,
    scanPhaseSeconds, scanPhaseMbPerSecond: scanPhaseSeconds ? bytes / 1e6 / scanPhaseSeconds : null,
    cpuSeconds, cpuMbPerSecond: cpuSeconds ? bytes / 1e6 / cpuSeconds : null,
    peakRssMb: peakMb(results),
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const cli = commandUnderTest();
  if (!existsSync(TIME_BIN)) fail(`${TIME_BIN} is missing: install GNU time (apt-get install time)`);
  const log = (line) => console.error(`bench: ${line}`);
  const loadAtStart = Number(loadavg()[0].toFixed(2));
  const dataDir = join(ROOT, 'bench-data');

  const specs = opts.largeOnly ? [] : opts.quick ? [QUICK_SPEC] : [FULL_SPEC, AUTH_SPEC];
  const wanted = specs.map((spec) => ({ spec, dir: dataDir }));
  if (opts.large) wanted.push({ spec: LARGE_SPEC, dir: resolve(opts.largeDir ?? dataDir) });
  const corpora = [];
  for (const { spec, dir } of wanted) {
    const built = await buildCorpus(spec, { force: opts.rebuild, dataDir: dir, log })
      .catch((err) => fail(`building the ${spec.id} benchmark corpus failed: ${String(err.message).trim().split('\n')[0]}`));
    log(`${built.reused ? 'reusing' : 'built'} ${built.repo} (${built.manifest.commits} commits, ${built.manifest.blobs} blobs)`);
    corpora.push(built);
  }
  const tree = opts.largeOnly ? null : await buildScanTree(specs, { dataDir, log })
    .catch((err) => fail(`unpacking the directory benchmark folder failed: ${String(err.message).trim().split('\n')[0]}`));

  const work = mkdtempSync(join(tmpdir(), 'leakwatch-bench-'));
  try {
    const measured = [];
    for (const { repo, manifest } of corpora) measured.push(await measureCorpus(cli, repo, manifest, opts, work, log));
    let startup = null;
    let directory = null;
    let hostileRegex = null;
    if (tree) {
      log('CLI start-up');
      startup = await measureStartup(cli, Math.max(opts.runs, 5));
      log(`plain-directory scan of ${tree.dir}`);
      directory = await measureDirectory(cli, tree, opts.runs, work);
      log('hostile regex rule');
      hostileRegex = await timeHostileRegex(cli);
    }
    const figures = {
      command: cli.label,
      runs: opts.runs,
      // Other work on the machine skews every figure; the load average says how much there was.
      machine: { cpus: cpus().length, loadAverageAtStart: loadAtStart, loadAverageAtEnd: Number(loadavg()[0].toFixed(2)), node: process.version },
      corpora: measured,
      startup,
      directory,
      hostileRegex,
    };
    figures.targets = tree ? evaluateSharedTargets(figures) : [];
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
