// Code-match benchmark ("npm run bench:match"): builds the labelled corpus (bench-data/match),
// indexes our "private" packages with the real fingerprint index from dist/, scores every
// candidate and prints precision, recall and F1 per transformation and overall, plus candidate
// files matched per second. It also writes the index to a SQLite state database (as the daemon
// keeps it), times loading it back, and times matching against the SQLite-backed store.
// Build first: npx tsc -p tsconfig.build.json.
//
// Options: --seed N --per-class N --negatives N --hard N --k N --w N --max-df N --saturation N
//          --min-matched N --min-run N --threshold T --json
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCorpus } from './bench/match-corpus.mjs';
import { evaluate, sweep } from './bench/match-metrics.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist', 'fingerprint');
if (!existsSync(join(dist, 'score-candidate.js'))) {
  console.error('bench-match: dist/ is missing; run: npx tsc -p tsconfig.build.json');
  process.exit(2);
}
const { tokenize } = await import(join(dist, 'tokenize.js'));
const { isIgnorablePath } = await import(join(dist, 'is-ignorable-path.js'));
const { ignoreReasonForText } = await import(join(dist, 'is-ignorable-text.js'));
const { InMemoryFingerprintIndex } = await import(join(dist, 'fingerprint-index.js'));
const { indexLocalRepo } = await import(join(dist, 'index-local-repo.js'));
const { scoreCandidate, DEFAULT_SCORE_OPTIONS } = await import(join(dist, 'score-candidate.js'));
const { gitBlobId } = await import(join(dist, 'blob-id.js'));
const { DEFAULT_WINNOW_PARAMETERS } = await import(join(dist, 'winnow-parameters.js'));
const { openDatabase } = await import(join(root, 'dist', 'store', 'sqlite', 'open-database.js'));
const { SqliteFingerprintIndex } = await import(join(root, 'dist', 'store', 'sqlite', 'sqlite-fingerprint-index.js'));

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '20261128' },
    'per-class': { type: 'string', default: '300' },
    negatives: { type: 'string', default: '1500' },
    hard: { type: 'string', default: '300' },
    k: { type: 'string' }, w: { type: 'string' },
    'max-df': { type: 'string' }, saturation: { type: 'string' }, 'min-matched': { type: 'string' }, 'min-run': { type: 'string' },
    threshold: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const num = (v, d) => (v === undefined ? d : Number(v));
const params = { k: num(args.k, DEFAULT_WINNOW_PARAMETERS.k), w: num(args.w, DEFAULT_WINNOW_PARAMETERS.w) };
const scoreOptions = {
  maxFileFrequency: num(args['max-df'], DEFAULT_SCORE_OPTIONS.maxFileFrequency),
  saturation: num(args.saturation, DEFAULT_SCORE_OPTIONS.saturation),
  minMatched: num(args['min-matched'], DEFAULT_SCORE_OPTIONS.minMatched),
  minRun: num(args['min-run'], DEFAULT_SCORE_OPTIONS.minRun),
};
const threshold = num(args.threshold, DEFAULT_SCORE_OPTIONS.threshold);
const dataDir = join(root, 'bench-data', 'match');

const corpus = buildCorpus({
  dataDir, seed: Number(args.seed), perClass: Number(args['per-class']), negatives: Number(args.negatives),
  hardNegatives: Number(args.hard), lib: { tokenize, isIgnorablePath, ignoreReasonForText },
});

let t0 = performance.now();
const index = new InMemoryFingerprintIndex(params);
let skipped = 0;
for (const { repo, dir } of corpus.privateRepos) skipped += (await indexLocalRepo(index, dir, { repo })).skipped;
const indexMs = performance.now() - t0;
let withFingerprints = 0;
for (const f of index.allFiles()) if (f.fingerprints.hashes.length > 0) withFingerprints++;

const repoDirs = new Map(corpus.privateRepos.map((r) => [r.repo, r.dir]));
const candidates = corpus.labels.map((l) => ({
  ...l,
  content: readFileSync(join(dataDir, 'candidates', l.id)),
  sourceBlob: l.source ? gitBlobId(readFileSync(join(repoDirs.get(l.source.repo), l.source.path))) : null,
}));

// Pass 1: every score, for the threshold sweep.
const results = [];
t0 = performance.now();
for (const c of candidates) {
  const matches = scoreCandidate(index, c.content, { ...scoreOptions, threshold: 0 });
  const best = matches[0]?.score ?? 0;
  const attributed = c.source !== null && matches.some((m) => (m.repo === c.source.repo && m.path === c.source.path) || m.blobId === c.sourceBlob);
  results.push({ id: c.id, class: c.class, positive: c.positive, score: best, attributed, top: matches[0] ? `${matches[0].repo}/${matches[0].path}` : null });
}
const sweepMs = performance.now() - t0;

// Pass 2: the timed run, as `leakwatch match` scores (default threshold).
t0 = performance.now();
const cpu0 = process.cpuUsage();
let matched = 0;
for (const c of candidates) if (scoreCandidate(index, c.content, { ...scoreOptions, threshold }).length > 0) matched++;
const matchMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const matchCpuMs = (cpu.user + cpu.system) / 1000;
const bytes = candidates.reduce((n, c) => n + c.content.length, 0);

// The same index in SQLite: written file by file (one transaction each, as the daemon does),
// loaded back as at a daemon start or a `leakwatch match` without --repo, then matched against.
const sqliteDir = mkdtempSync(join(tmpdir(), 'bench-match-'));
const sqliteFile = join(sqliteDir, 'state.db');
let sqlite;
try {
  let db = openDatabase(sqliteFile);
  t0 = performance.now();
  const writer = SqliteFingerprintIndex.open(db, { parameters: params });
  for (const f of index.allFiles()) writer.addFile({ repo: f.repo, path: f.path, blobId: f.blobId, fingerprints: f.fingerprints, canaries: f.canaries });
  const writeMs = performance.now() - t0;
  db.close();
  const dbBytes = statSync(sqliteFile).size + (existsSync(`${sqliteFile}-wal`) ? statSync(`${sqliteFile}-wal`).size : 0);
  db = openDatabase(sqliteFile);
  t0 = performance.now();
  const stored = SqliteFingerprintIndex.open(db, { parameters: params });
  const loadMs = performance.now() - t0;
  t0 = performance.now();
  const storedCpu0 = process.cpuUsage();
  let storedMatched = 0;
  for (const c of candidates) if (scoreCandidate(stored, c.content, { ...scoreOptions, threshold }).length > 0) storedMatched++;
  const storedMatchMs = performance.now() - t0;
  const storedCpu = process.cpuUsage(storedCpu0);
  db.close();
  sqlite = {
    files: stored.fileCount(), writeMs: Math.round(writeMs), loadMs: Math.round(loadMs), databaseBytes: dbBytes,
    matchedAtThreshold: storedMatched, filesPerSecond: Math.round(candidates.length / (storedMatchMs / 1000)),
    filesPerCpuSecond: Math.round(candidates.length / ((storedCpu.user + storedCpu.system) / 1e6)),
  };
} finally {
  rmSync(sqliteDir, { recursive: true, force: true });
}

const report = evaluate(results, threshold);
const summary = {
  params, scoreOptions, threshold,
  index: { files: index.fileCount(), withFingerprints, skipped, buildMs: Math.round(indexMs) },
  candidates: candidates.length, candidateBytes: bytes, matchedAtThreshold: matched,
  filesPerSecond: Math.round(candidates.length / (matchMs / 1000)),
  filesPerCpuSecond: Math.round(candidates.length / (matchCpuMs / 1000)),
  sweepFilesPerSecond: Math.round(candidates.length / (sweepMs / 1000)),
  sqlite,
  ...report,
  sweep: sweep(results, [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8]),
  falsePositives: results.filter((r) => !r.positive && r.score >= threshold && r.score > 0).slice(0, 20),
  falseNegatives: results.filter((r) => r.positive && !(r.score >= threshold && r.score > 0)).slice(0, 20),
};

if (args.json) {
  console.log(JSON.stringify(summary, null, 2));
} else {
  const pct = (x) => (x === undefined ? '   -  ' : `${(x * 100).toFixed(1).padStart(5)}%`);
  console.log(`Index: ${summary.index.files} files (${withFingerprints} with fingerprints, ${skipped} skipped as vendored/generated/licence/binary), built in ${summary.index.buildMs} ms`);
  console.log(`Parameters: k=${params.k} w=${params.w} (guaranteed run ${params.k + params.w - 1} tokens), maxFileFrequency=${scoreOptions.maxFileFrequency}, saturation=${scoreOptions.saturation}, minMatched=${scoreOptions.minMatched}, threshold=${threshold}`);
  console.log('');
  console.log('class              candidates   TP   FN   FP  precision  recall      F1  attributed');
  for (const r of report.rows) {
    console.log(`${r.class.padEnd(18)} ${String(r.candidates).padStart(10)} ${String(r.tp).padStart(4)} ${String(r.fn).padStart(4)} ${String(r.fp).padStart(4)}   ${pct(r.precision)}  ${pct(r.recall)}  ${pct(r.f1)}  ${r.attributed ?? '-'}`);
  }
  const o = report.overall;
  console.log(`${'overall'.padEnd(18)} ${String(o.candidates).padStart(10)} ${String(o.tp).padStart(4)} ${String(o.fn).padStart(4)} ${String(o.fp).padStart(4)}   ${pct(o.precision)}  ${pct(o.recall)}  ${pct(o.f1)}  ${o.attributed}`);
  console.log('');
  console.log('threshold sweep (overall):');
  for (const s of summary.sweep) console.log(`  ${s.threshold.toFixed(2)}  P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}`);
  console.log('');
  console.log(`Throughput: ${summary.filesPerSecond} candidate files/s wall clock, ${summary.filesPerCpuSecond} per CPU second (${candidates.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${Math.round(matchMs)} ms) against ${summary.index.files} indexed files`);
  console.log(`SQLite store: ${sqlite.files} files written in ${sqlite.writeMs} ms (one transaction each, ${(sqlite.databaseBytes / 1e6).toFixed(1)} MB), loaded in ${sqlite.loadMs} ms; ${sqlite.filesPerSecond} candidate files/s against it, ${sqlite.filesPerCpuSecond} per CPU second (${sqlite.matchedAtThreshold} matched, in memory ${matched})`);
  if (summary.falsePositives.length) console.log('false positives:', summary.falsePositives.map((r) => `${r.id}→${r.top} (${r.score})`).join(', '));
  if (summary.falseNegatives.length) console.log('false negatives:', summary.falseNegatives.map((r) => `${r.id} (${r.score})`).join(', '));
}
