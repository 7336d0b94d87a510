// Reads the extracted packages of the real-code benchmark and writes the candidate lines for
// labelling: git-ignored chunk files with the line text and its context (labellers need both),
// a skeleton labels file per chunk, and a summary of the counts.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { candidateReasons, escapeTsv, guessCategory, samplePackage, truncate } from './real-candidates.mjs';
import { lineId } from './real-score.mjs';

export const MARKER = '.bench-extracted.json';
const CONTEXT_CHARS = 200;

/** Source maps: generated, their mappings look random and they repeat the sources. */
const SKIP = /\.map$/;

/** Every file under `dir`, relative, `/`-separated, sorted; the extraction marker and source maps left out. */
export function listFiles(dir, prefix = '') {
  const out = [];
  const ents = readdirSync(join(dir, prefix), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of ents) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, rel));
    else if (e.isFile() && rel !== MARKER && !SKIP.test(rel)) out.push(rel);
  }
  return out;
}

/**
 * The candidates of every package: `packages` from fetchPackages, `findings` a Map of lineId to
 * findings (their lines are always candidates). Returns rows
 * `{ pkg, path, line, reasons, guess, text, before, after }` in package, path, line order.
 */
export function extractCandidates(packages, findings, caps) {
  const rows = [];
  for (const p of packages) {
    const lines = [];
    const texts = new Map();
    for (const path of listFiles(p.dir)) {
      const fileLines = readFileSync(join(p.dir, path), 'utf8').split(/\r?\n/);
      fileLines.forEach((text, i) => {
        const reasons = candidateReasons(text.length > 20000 ? text.slice(0, 20000) : text, path);
        if (findings.has(lineId(p.id, path, i + 1))) reasons.push('leakwatch');
        if (reasons.length === 0) return;
        lines.push({ path, line: i + 1, text, reasons });
      });
      texts.set(path, fileLines);
    }
    for (const c of samplePackage(p.id, lines, caps)) {
      const all = texts.get(c.path);
      const ctx = (from, to) => all.slice(Math.max(0, from), Math.max(0, to)).map((t) => truncate(t, CONTEXT_CHARS));
      rows.push({
        pkg: p.id,
        path: c.path,
        line: c.line,
        reasons: c.reasons,
        guess: guessCategory(c.reasons.filter((r) => r !== 'leakwatch'), c.text),
        text: c.text,
        before: ctx(c.line - 3, c.line - 1),
        after: ctx(c.line, c.line + 2),
      });
    }
  }
  return rows;
}

/** Splits `rows` into `n` consecutive chunks of near-equal size. */
export function chunkRows(rows, n) {
  const size = Math.ceil(rows.length / n);
  const chunks = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

const CHUNK_HEADER = ['id', 'package@version', 'path', 'line', 'guess', 'reasons', 'text', 'before', 'after'];
const LABEL_HEADER = ['package@version', 'path', 'line', 'category', 'label'];

/**
 * Writes `<prefix>-NN.tsv` (for reading) and `<prefix>-NN.labels.tsv` (the skeleton to fill in:
 * the guessed category and an empty label) under `outDir`, replacing earlier ones, and
 * `summary.json`. The reason `leakwatch` is not shown to labellers, so it cannot sway them.
 */
export function writeChunks(rows, outDir, n, prefix = 'chunk') {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const chunks = chunkRows(rows, n);
  let id = 0;
  const files = [];
  chunks.forEach((chunk, ci) => {
    const name = `${prefix}-${String(ci + 1).padStart(2, '0')}`;
    const body = [CHUNK_HEADER.join('\t')];
    const labels = [LABEL_HEADER.join('\t')];
    for (const r of chunk) {
      id++;
      const shown = r.reasons.filter((x) => x !== 'leakwatch').join(',') || '-';
      body.push([id, r.pkg, escapeTsv(r.path), r.line, r.guess, shown, escapeTsv(truncate(r.text)), escapeTsv(r.before.join('\n')), escapeTsv(r.after.join('\n'))].join('\t'));
      labels.push([r.pkg, r.path, r.line, r.guess, ''].join('\t'));
    }
    writeFileSync(join(outDir, `${name}.tsv`), `${body.join('\n')}\n`);
    writeFileSync(join(outDir, `${name}.labels.tsv`), `${labels.join('\n')}\n`);
    files.push({ file: join(outDir, `${name}.tsv`), lines: chunk.length, first: chunk[0]?.pkg, last: chunk.at(-1)?.pkg });
  });
  const count = (key) => {
    const m = {};
    for (const r of rows) for (const k of [].concat(key(r))) m[k] = (m[k] ?? 0) + 1;
    return Object.fromEntries(Object.entries(m).sort((a, b) => b[1] - a[1]));
  };
  const summary = {
    candidates: rows.length,
    chunks: files,
    byPackage: count((r) => r.pkg),
    byGuess: count((r) => r.guess),
    byReason: count((r) => r.reasons),
  };
  writeFileSync(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}
