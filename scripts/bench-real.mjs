#!/usr/bin/env node
// Real-code detection benchmark (npm run bench:real): pinned npm package versions
// (bench/real/packages.json) are fetched with `npm pack` and extracted under bench-data/real/,
// scanned as a plain directory with the leakwatch CLI (or LEAKWATCH_BENCH_CLI), and the findings
// are scored against the lines people labelled (bench/real/labels/*.tsv): precision, recall and
// F1 per category. The held-out split (about a quarter of the packages) is never printed unless
// asked: tuning reads the dev split only. Exit 0 whatever the figures; 2 when it cannot run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fetchPackages, packageDirName } from './bench/real-fetch.mjs';
import { extractCandidates, writeChunks } from './bench/real-extract.mjs';
import { findingsByLine, mergeLabels, parseLabels, scoreLabels } from './bench/real-score.mjs';
import { printRealReport } from './bench/real-report.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'bench-data', 'real');
const LABELS = join(ROOT, 'bench', 'real', 'labels');
const CAPS = { perFile: 40, perPackage: 200 };

const HELP = `Usage: node scripts/bench-real.mjs [options]   (npm run bench:real -- [options])

Scores leakwatch on labelled lines of real published npm packages (bench/real/).

Options:
  --split dev|heldout|all      which packages to report (default: dev; tuning reads dev only)
  --min-confidence low|medium|high
                               the headline figures keep findings at this level and up
                               (default: medium); the figures for all findings follow
  --json                       print the result as JSON
  --verbose                    list findings on unlabelled lines (package, path:line, rule)
  --errors                     list the false positives and misses (dev split only)
  --extract-candidates         write candidate lines for labelling to
                               bench-data/real/candidates/ instead of scoring
  --chunks N                   with --extract-candidates: number of chunk files (default 6)
  -h, --help                   this help

Environment: LEAKWATCH_BENCH_CLI (scanner entry point, default dist/cli/main.js).
Exit 0 whatever the figures; 2 when the benchmark cannot run.`;

function fail(reason) {
  console.error(`bench:real: ${reason}`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { split: 'dev', minConfidence: 'medium', json: false, verbose: false, errors: false, extract: false, chunks: 6 };
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
    else if (a === '--min-confidence') opts.minConfidence = value();
    else if (a === '--chunks') opts.chunks = Number(value());
    else fail(`unknown option ${a} (see --help)`);
  }
  if (!['dev', 'heldout', 'all'].includes(opts.split)) fail(`--split must be dev, heldout or all`);
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

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(HELP);
    return;
  }
  let specs;
  try {
    specs = JSON.parse(readFileSync(join(ROOT, 'bench', 'real', 'packages.json'), 'utf8')).packages;
  } catch (err) {
    fail(`cannot read bench/real/packages.json (${err.message})`);
  }
  const log = opts.json ? () => {} : (m) => console.error(m);
  const fetchStarted = Date.now();
  let packages;
  try {
    packages = await fetchPackages(specs, DATA, log);
  } catch (err) {
    fail(err.message);
  }
  const fetchSeconds = (Date.now() - fetchStarted) / 1000;
  const pkgsDir = join(DATA, 'pkgs');
  const dirToPackage = new Map(packages.map((p) => [packageDirName(p.name, p.version), p.id]));
  const { report, seconds: scanSeconds } = scan(pkgsDir);
  const files = packages.reduce((s, p) => ({ kept: s.kept + p.files.kept, large: s.large + p.files.large, binary: s.binary + p.files.binary }), { kept: 0, large: 0, binary: 0 });

  if (opts.extract) {
    const findings = findingsByLine(report, dirToPackage, { minConfidence: 'low' });
    const rows = extractCandidates(packages, findings, CAPS);
    const summary = writeChunks(rows, join(DATA, 'candidates'), opts.chunks);
    const out = { packages: packages.length, files, fetchSeconds, scanSeconds, candidates: summary.candidates, chunks: summary.chunks, byGuess: summary.byGuess, byReason: summary.byReason };
    if (opts.json) console.log(JSON.stringify(out, null, 2));
    else {
      console.log(`${packages.length} packages, ${files.kept} files read (${files.large} over 1 MB and ${files.binary} binary skipped); fetch+extract ${fetchSeconds.toFixed(1)} s, scan ${scanSeconds.toFixed(1)} s`);
      console.log(`${summary.candidates} candidate lines in ${summary.chunks.length} chunks:`);
      for (const c of summary.chunks) console.log(`  ${c.file}  ${c.lines} lines (${c.first} .. ${c.last})`);
      console.log(`by guessed category: ${Object.entries(summary.byGuess).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      console.log(`by reason: ${Object.entries(summary.byReason).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      console.log(`summary: ${join(DATA, 'candidates', 'summary.json')}`);
    }
    return;
  }

  let labels;
  try {
    labels = loadLabels();
  } catch (err) {
    fail(err.message);
  }
  if (labels.length === 0) fail('no labels in bench/real/labels/*.tsv (see bench/real/LABELLING.md)');
  const known = new Set(packages.map((p) => p.id));
  const stale = [...new Set(labels.filter((l) => !known.has(l.pkg)).map((l) => l.pkg))];
  if (stale.length > 0) fail(`labels name package versions not in bench/real/packages.json: ${stale.slice(0, 5).join(', ')}`);
  const headline = scoreLabels(labels, findingsByLine(report, dirToPackage, { minConfidence: opts.minConfidence }), { split: opts.split });
  const all = scoreLabels(labels, findingsByLine(report, dirToPackage, { minConfidence: 'low' }), { split: opts.split });
  const hasConfidence = (report.findings ?? []).some((f) => f.confidence);
  const result = {
    split: opts.split,
    minConfidence: opts.minConfidence,
    confidenceInReport: hasConfidence,
    labels: labels.length,
    packages: packages.length,
    scanSeconds,
    tool: report.tool ?? null,
    rulesetHash: report.rulesetHash ?? null,
    atMinConfidence: headline,
    allFindings: all,
  };
  if (opts.json) {
    if (!opts.verbose) for (const r of [result.atMinConfidence, result.allFindings]) r.unlabelled = r.unlabelled.length;
    if (!opts.errors) for (const r of [result.atMinConfidence, result.allFindings]) delete r.errors;
    console.log(JSON.stringify(result, null, 2));
  } else printRealReport(result, { verbose: opts.verbose, errors: opts.errors, source: basename(pkgsDir) });
}

main().catch((err) => fail(err.stack ?? String(err)));
