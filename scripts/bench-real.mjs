#!/usr/bin/env node
// Real-code detection benchmark (npm run bench:real): two slices of real code, pinned npm package
// versions (bench/real/packages.json, fetched with `npm pack`, extracted under bench-data/real/)
// and pinned Debian source packages (bench/real/debian.json: orig tarballs from the Debian
// mirror, sha256-checked, extracted under bench-data/real/debian/), each slice scanned as a plain directory with the leakwatch CLI (or LEAKWATCH_BENCH_CLI), and the findings
// are scored against the lines people labelled (bench/real/labels/*.tsv): precision, recall and
// F1 per category. The held-out split (about a quarter of the packages) is never printed unless
// asked: tuning reads the dev split only. Exit 0 whatever the figures; 2 when it cannot run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fetchPackages, packageDirName } from './bench/real-fetch.mjs';
import { extractCandidates, writeChunks } from './bench/real-extract.mjs';
import { findingsByLine, mergeLabels, parseLabels, scoreLabels } from './bench/real-score.mjs';
import { printRealReport } from './bench/real-report.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'bench-data', 'real');
const LABELS = join(ROOT, 'bench', 'real', 'labels');
/**
 * The slices: where their specs are pinned, where they are extracted, and the candidate caps of
 * `--extract-candidates` (the Debian slice is labelled whole, so it keeps fewer lines a package).
 */
const SLICES = [
  { name: 'npm', specs: join(ROOT, 'bench', 'real', 'packages.json'), root: DATA, source: 'npm', caps: { perFile: 40, perPackage: 200 } },
  { name: 'debian', specs: join(ROOT, 'bench', 'real', 'debian.json'), root: join(DATA, 'debian'), source: 'debian', caps: { perFile: 8, perPackage: 60, perPackageWeak: 4, perPackageFound: 36 } },
];

const HELP = `Usage: node scripts/bench-real.mjs [options]   (npm run bench:real -- [options])

Scores leakwatch on labelled lines of real code (bench/real/): published npm packages and
Debian source packages (Python, Go, Java, PHP, Ruby, C, configs, SQL), each slice reported
on its own and in the totals.

Options:
  --split dev|heldout|all      which packages to report (default: dev; tuning reads dev only)
  --slice npm|debian|all       which slice to fetch, scan and report (default: all)
  --min-confidence low|medium|high
                               the headline figures keep findings at this level and up
                               (default: medium); the figures for all findings follow
  --json                       print the result as JSON
  --verbose                    list findings on unlabelled lines (package, path:line, rule)
  --errors                     list the false positives and misses (dev split only)
  --extract-candidates         write candidate lines for labelling to
                               bench-data/real/candidates/ (npm) and
                               bench-data/real/debian/candidates/ instead of scoring
  --chunks N                   with --extract-candidates: number of chunk files (default 6)
  -h, --help                   this help

Environment: LEAKWATCH_BENCH_CLI (scanner entry point, default dist/cli/main.js).
Exit 0 whatever the figures; 2 when the benchmark cannot run.`;

function fail(reason) {
  console.error(`bench:real: ${reason}`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { split: 'dev', slice: 'all', minConfidence: 'medium', json: false, verbose: false, errors: false, extract: false, chunks: 6 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') opts.help = true;
    else if (a === '--json') opts.json = true;
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--errors') opts.errors = true;
    else if (a === '--extract-candidates') opts.extract = true;
    else if (a === '--split') opts.split = value();
    else if (a === '--slice') opts.slice = value();
    else if (a === '--min-confidence') opts.minConfidence = value();
    else if (a === '--chunks') opts.chunks = Number(value());
    else fail(`unknown option ${a} (see --help)`);
  }
  if (!['dev', 'heldout', 'all'].includes(opts.split)) fail(`--split must be dev, heldout or all`);
  if (!['npm', 'debian', 'all'].includes(opts.slice)) fail(`--slice must be npm, debian or all`);
  if (!['low', 'medium', 'high'].includes(opts.minConfidence)) fail(`--min-confidence must be low, medium or high`);
  if (opts.errors && opts.split !== 'dev') fail('--errors lists the dev split only: the held-out lines are never read one by one');
  if (!Number.isInteger(opts.chunks) || opts.chunks < 1) fail('--chunks needs a positive integer');
  return opts;
}

/** Runs the CLI over the extracted packages; returns the parsed JSON report. */
function scan(pkgsDir) {
  const cli = process.env.LEAKWATCH_BENCH_CLI ?? join(ROOT, 'dist', 'cli', 'main.js');
  if (!existsSync(cli)) fail(`${cli} is missing; run npm run build first (or set LEAKWATCH_BENCH_CLI)`);
  const tmp = mkdtempSync(join(tmpdir(), 'leakwatch-bench-real-'));
  const out = join(tmp, 'report.json');
  try {
    const started = Date.now();
    const r = spawnSync(process.execPath, [cli, 'scan', pkgsDir, '--format', 'json', '--no-state', '--no-progress', '--output', out], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0 && r.status !== 1) fail(`the scan failed (exit ${r.status}): ${(r.stderr ?? '').trim().split('\n')[0]}`);
    if (!existsSync(out)) fail('the scan wrote no report');
    return { report: JSON.parse(readFileSync(out, 'utf8')), seconds: (Date.now() - started) / 1000 };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function loadLabels() {
  if (!existsSync(LABELS)) return [];
  const files = readdirSync(LABELS).filter((f) => f.endsWith('.tsv')).sort();
  return mergeLabels(files.map((f) => parseLabels(readFileSync(join(LABELS, f), 'utf8'), `bench/real/labels/${f}`)));
}

/** Reads a slice's pinned specs; fails with the file named. */
function readSpecs(slice) {
  try {
    const json = JSON.parse(readFileSync(slice.specs, 'utf8'));
    return { specs: json.packages, mirror: json.mirror };
  } catch (err) {
    return fail(`cannot read ${slice.specs} (${err.message})`);
  }
}

/** Fetches, extracts and scans one slice; returns its packages, findings by line and timings. */
async function runSlice(slice, log) {
  const { specs, mirror } = readSpecs(slice);
  const fetchStarted = Date.now();
  let packages;
  try {
    packages = await fetchPackages(specs, slice.root, log, { source: slice.source, mirror });
  } catch (err) {
    fail(err.message);
  }
  const fetchSeconds = (Date.now() - fetchStarted) / 1000;
  const dirToPackage = new Map(packages.map((p) => [packageDirName(p.name, p.version), p.id]));
  const { report, seconds: scanSeconds } = scan(join(slice.root, 'pkgs'));
  const files = packages.reduce((s, p) => ({ kept: s.kept + p.files.kept, large: s.large + p.files.large, binary: s.binary + p.files.binary }), { kept: 0, large: 0, binary: 0 });
  return { slice, packages, report, dirToPackage, files, fetchSeconds, scanSeconds };
}

/** Merges the findingsByLine maps of several slices (their package ids never overlap). */
function findingsOf(runs, minConfidence) {
  const map = new Map();
  for (const r of runs) for (const [k, v] of findingsByLine(r.report, r.dirToPackage, { minConfidence })) map.set(k, v);
  return map;
}

function extract(run, opts) {
  const findings = findingsByLine(run.report, run.dirToPackage, { minConfidence: 'low' });
  const rows = extractCandidates(run.packages, findings, run.slice.caps);
  const summary = writeChunks(rows, join(run.slice.root, 'candidates'), opts.chunks, run.slice.name === 'npm' ? 'chunk' : run.slice.name);
  const out = { slice: run.slice.name, packages: run.packages.length, files: run.files, fetchSeconds: run.fetchSeconds, scanSeconds: run.scanSeconds, candidates: summary.candidates, chunks: summary.chunks, byGuess: summary.byGuess, byReason: summary.byReason };
  if (!opts.json) {
    const { files } = run;
    console.log(`${run.slice.name}: ${run.packages.length} packages, ${files.kept} files read (${files.large} over 1 MB and ${files.binary} binary skipped); fetch+extract ${run.fetchSeconds.toFixed(1)} s, scan ${run.scanSeconds.toFixed(1)} s`);
    console.log(`${summary.candidates} candidate lines in ${summary.chunks.length} chunks:`);
    for (const c of summary.chunks) console.log(`  ${c.file}  ${c.lines} lines (${c.first} .. ${c.last})`);
    console.log(`by guessed category: ${Object.entries(summary.byGuess).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`by reason: ${Object.entries(summary.byReason).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`summary: ${join(run.slice.root, 'candidates', 'summary.json')}`);
  }
  return out;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(HELP);
    return;
  }
  const log = opts.json ? () => {} : (m) => console.error(m);
  const chosen = SLICES.filter((s) => opts.slice === 'all' || s.name === opts.slice);
  const runs = [];
  for (const slice of chosen) runs.push(await runSlice(slice, log));
  const seen = new Map();
  for (const r of runs) {
    for (const p of r.packages) {
      if (seen.has(p.id)) fail(`${p.id} is pinned in two slices (${seen.get(p.id)} and ${r.slice.name})`);
      seen.set(p.id, r.slice.name);
    }
  }

  if (opts.extract) {
    const out = runs.map((r) => extract(r, opts));
    if (opts.json) console.log(JSON.stringify(out.length === 1 ? out[0] : out, null, 2));
    return;
  }

  let labels;
  try {
    labels = loadLabels();
  } catch (err) {
    fail(err.message);
  }
  // Labels of a slice not run (--slice) are left out; any other unknown package is stale.
  const pinnedElsewhere = new Set();
  for (const slice of SLICES.filter((s) => !chosen.includes(s))) for (const s of readSpecs(slice).specs) pinnedElsewhere.add(`${s.name}@${s.version}`);
  labels = labels.filter((l) => !pinnedElsewhere.has(l.pkg));
  if (labels.length === 0) fail('no labels in bench/real/labels/*.tsv (see bench/real/LABELLING.md)');
  const stale = [...new Set(labels.filter((l) => !seen.has(l.pkg)).map((l) => l.pkg))];
  if (stale.length > 0) fail(`labels name package versions not pinned in bench/real/packages.json or debian.json: ${stale.slice(0, 5).join(', ')}`);
  const atMin = findingsOf(runs, opts.minConfidence);
  const atLow = findingsOf(runs, 'low');
  const score = (ls) => ({
    atMinConfidence: scoreLabels(ls, atMin, { split: opts.split }),
    allFindings: scoreLabels(ls, atLow, { split: opts.split }),
  });
  const packageIds = (r) => new Set(r.packages.map((p) => p.id));
  const slices = runs.map((r) => {
    const ids = packageIds(r);
    const ls = labels.filter((l) => ids.has(l.pkg));
    // Findings on unlabelled lines are counted per slice from that slice's findings only.
    const sliceScore = {
      atMinConfidence: scoreLabels(ls, findingsOf([r], opts.minConfidence), { split: opts.split }),
      allFindings: scoreLabels(ls, findingsOf([r], 'low'), { split: opts.split }),
    };
    return { name: r.slice.name, packages: r.packages.length, labels: ls.length, scanSeconds: r.scanSeconds, ...sliceScore };
  });
  const total = score(labels);
  const report = runs[0].report;
  const hasConfidence = runs.some((r) => (r.report.findings ?? []).some((f) => f.confidence));
  const result = {
    split: opts.split,
    slice: opts.slice,
    minConfidence: opts.minConfidence,
    confidenceInReport: hasConfidence,
    labels: labels.length,
    packages: seen.size,
    scanSeconds: runs.reduce((s, r) => s + r.scanSeconds, 0),
    tool: report.tool ?? null,
    rulesetHash: report.rulesetHash ?? null,
    ...total,
    slices: runs.length > 1 ? slices : [],
  };
  if (opts.json) {
    for (const part of [result, ...result.slices]) {
      if (!opts.verbose) for (const r of [part.atMinConfidence, part.allFindings]) r.unlabelled = r.unlabelled.length;
      if (!opts.errors) for (const r of [part.atMinConfidence, part.allFindings]) delete r.errors;
    }
    console.log(JSON.stringify(result, null, 2));
  } else printRealReport(result, { verbose: opts.verbose, errors: opts.errors });
}

main().catch((err) => fail(err.stack ?? String(err)));
