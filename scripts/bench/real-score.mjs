// Scoring of the real-code benchmark: labelled lines (package@version, path, line, category,
// label) against the lines where a leakwatch report has findings. A labelled-1 line is found
// (TP) when a finding starts on it; otherwise it is missed (FN). A labelled-0 line with a
// finding is a false positive (FP), counted under the category the line was labelled with.
// Password hashes count as found only when the finding names them as hashes (kind
// `password-hash`, or a rule id containing "hash"); a hash reported as some other secret is
// missed and counted as `wrongKind`. Findings of sensitive-data rules (environment
// intelligence, not credentials) are left out.
import { inSplit } from './real-split.mjs';

export const CATEGORIES = ['password', 'token', 'provider-token', 'private-key', 'seed-salt-nonce', 'password-hash', 'connection-string', 'jwt', 'other-secret', 'none'];
const CONFIDENCE_RANK = { low: 0, medium: 1, high: 2 };

const ratio = (a, b) => (b === 0 ? null : a / b);
const f1 = (p, r) => (p === null || r === null || p + r === 0 ? null : (2 * p * r) / (p + r));

/** The key of one line of one package version. */
export const lineId = (pkg, path, line) => `${pkg}\0${path}\0${line}`;

/**
 * Parses one labels file: tab-separated `package@version, path, line, category, label`, `#`
 * comments and blank lines skipped, a header row (first cell `package`) allowed. Throws with
 * the file and row number on any malformed row.
 */
export function parseLabels(text, source = 'labels') {
  const rows = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim() || raw.startsWith('#')) return;
    const cells = raw.split('\t');
    if (cells[0] === 'package' || cells[0] === 'package@version') return;
    const where = `${source}:${i + 1}`;
    if (cells.length < 5) throw new Error(`${where}: expected 5 tab-separated cells, got ${cells.length}`);
    const [pkg, path, lineText, category, labelText] = cells.map((c) => c.trim());
    const line = Number(lineText);
    if (!/^(?:@[^/@\s]+\/)?[^/@\s]+@\S+$/.test(pkg)) throw new Error(`${where}: "${pkg}" is not package@version`);
    if (!Number.isInteger(line) || line < 1) throw new Error(`${where}: line "${lineText}" is not a positive integer`);
    if (!CATEGORIES.includes(category)) throw new Error(`${where}: unknown category "${category}" (one of ${CATEGORIES.join(', ')})`);
    if (labelText !== '0' && labelText !== '1') throw new Error(`${where}: label "${labelText}" is not 0 or 1`);
    if (labelText === '1' && category === 'none') throw new Error(`${where}: a line labelled 1 needs a category other than none`);
    rows.push({ pkg, path, line, category, label: Number(labelText) });
  });
  return rows;
}

/** Merges label rows; a line labelled twice must agree, else throws. */
export function mergeLabels(rowLists) {
  const byLine = new Map();
  for (const rows of rowLists) {
    for (const r of rows) {
      const k = lineId(r.pkg, r.path, r.line);
      const prev = byLine.get(k);
      if (prev && (prev.category !== r.category || prev.label !== r.label)) {
        throw new Error(`${r.pkg} ${r.path}:${r.line} is labelled twice, differently (${prev.category}/${prev.label} and ${r.category}/${r.label})`);
      }
      byLine.set(k, r);
    }
  }
  return [...byLine.values()];
}

/** Whether a finding passes `--min-confidence`; a finding without a level always passes. */
export function passesConfidence(finding, min) {
  if (!min || min === 'low' || !finding.confidence) return true;
  return (CONFIDENCE_RANK[finding.confidence] ?? 0) >= CONFIDENCE_RANK[min];
}

/**
 * The findings of a report by line: `dirToPackage` maps the first path segment of a finding
 * (the extracted package directory) to its `package@version`. Each finding counts on its own
 * line and on the lines of its other locations. Returns a Map of lineId to findings.
 */
export function findingsByLine(report, dirToPackage, { minConfidence, neutralKinds = new Set(['sensitive-data']) } = {}) {
  const map = new Map();
  for (const f of report.findings ?? []) {
    if (neutralKinds.has(f.kind) || !passesConfidence(f, minConfidence)) continue;
    const locs = [{ path: f.path, line: f.line }, ...(f.locations ?? [])];
    const seen = new Set();
    for (const loc of locs) {
      if (!loc.path) continue;
      const slash = loc.path.indexOf('/');
      const pkg = dirToPackage.get(loc.path.slice(0, slash));
      if (slash < 0 || !pkg) continue;
      const k = lineId(pkg, loc.path.slice(slash + 1), loc.line);
      if (seen.has(k)) continue;
      seen.add(k);
      if (!map.has(k)) map.set(k, []);
      map.get(k).push({ ruleId: f.ruleId, kind: f.kind, confidence: f.confidence ?? null });
    }
  }
  return map;
}

const isHashFinding = (f) => f.kind === 'password-hash' || f.ruleId.includes('hash');

function emptyCounts() {
  return { labelled: 0, positives: 0, tp: 0, fn: 0, fp: 0, tn: 0, wrongKind: 0 };
}

function finish(c) {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  return { ...c, precision, recall, f1: f1(precision, recall) };
}

/**
 * Scores `labels` of the packages in `split` against `findings` (from findingsByLine).
 * Returns `{ overall, categories: { [category]: counts }, unlabelled: [{ pkg, path, line, ruleIds }],
 * errors: [{ type: 'FP'|'FN', pkg, path, line, category, label, findings }] }`
 * where counts are `{ labelled, positives, tp, fn, fp, tn, wrongKind, precision, recall, f1 }`.
 */
export function scoreLabels(labels, findings, { split = 'all' } = {}) {
  const overall = emptyCounts();
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, emptyCounts()]));
  const labelled = new Set();
  const errors = [];
  for (const l of labels) {
    if (!inSplit(l.pkg, split)) continue;
    const k = lineId(l.pkg, l.path, l.line);
    labelled.add(k);
    const here = findings.get(k) ?? [];
    const c = categories[l.category];
    for (const t of [c, overall]) {
      t.labelled++;
      if (l.label === 1) {
        t.positives++;
        const found = l.category === 'password-hash' ? here.some(isHashFinding) : here.length > 0;
        if (found) t.tp++;
        else {
          t.fn++;
          if (here.length > 0) t.wrongKind++;
        }
      } else if (here.length > 0) t.fp++;
      else t.tn++;
    }
    const found = l.category === 'password-hash' ? here.some(isHashFinding) : here.length > 0;
    if (l.label === 1 && !found) errors.push({ type: 'FN', ...l, findings: here });
    else if (l.label === 0 && here.length > 0) errors.push({ type: 'FP', ...l, findings: here });
  }
  const unlabelled = [];
  for (const [k, fs] of findings) {
    if (labelled.has(k)) continue;
    const [pkg, path, line] = k.split('\0');
    if (!inSplit(pkg, split)) continue;
    unlabelled.push({ pkg, path, line: Number(line), ruleIds: [...new Set(fs.map((f) => f.ruleId))] });
  }
  unlabelled.sort((a, b) => (a.pkg + a.path < b.pkg + b.path ? -1 : a.pkg + a.path > b.pkg + b.path ? 1 : a.line - b.line));
  return {
    overall: finish(overall),
    categories: Object.fromEntries(Object.entries(categories).filter(([, c]) => c.labelled > 0).map(([k, c]) => [k, finish(c)])),
    unlabelled,
    errors,
  };
}
