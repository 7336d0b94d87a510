// The text report of the real-code benchmark: one table per confidence threshold, a row per
// category and one overall, and the findings on lines nobody labelled (never their values).
import { CATEGORIES } from './real-score.mjs';

const fmt = (x) => (x === null ? '  -  ' : x.toFixed(3));
const pad = (s, n) => String(s).padStart(n);

function table(title, r) {
  const lines = [title, `  ${'category'.padEnd(18)} ${pad('lines', 6)} ${pad('pos', 5)} ${pad('TP', 5)} ${pad('FN', 5)} ${pad('FP', 5)} ${pad('prec', 6)} ${pad('recall', 6)} ${pad('F1', 6)}`];
  const row = (name, c) =>
    `  ${name.padEnd(18)} ${pad(c.labelled, 6)} ${pad(c.positives, 5)} ${pad(c.tp, 5)} ${pad(c.fn, 5)} ${pad(c.fp, 5)} ${pad(fmt(c.precision), 6)} ${pad(fmt(c.recall), 6)} ${pad(fmt(c.f1), 6)}${c.wrongKind ? `  (${c.wrongKind} found as another kind)` : ''}`;
  for (const name of CATEGORIES) if (r.categories[name]) lines.push(row(name, r.categories[name]));
  lines.push(row('overall', r.overall));
  lines.push(`  findings on unlabelled lines: ${r.unlabelled.length}`);
  return lines.join('\n');
}

/**
 * Prints the totals, then (when more than one slice ran) each slice's two tables, then on request
 * the unlabelled findings and the errors of all slices.
 */
export function printRealReport(result, { verbose = false, errors = false } = {}) {
  const slice = result.slice && result.slice !== 'all' ? `, slice ${result.slice}` : '';
  const head = `bench:real — split ${result.split}${slice}, ${result.labels} labelled lines in all, ${result.packages} packages, scan ${result.scanSeconds.toFixed(1)} s`;
  const out = [head];
  if (result.split !== 'dev') out.push('(held-out packages included: report these figures, do not tune to them)');
  if (!result.confidenceInReport) out.push('(the report has no confidence levels: both tables count every finding)');
  const totals = result.slices?.length ? 'all slices, ' : '';
  out.push('', table(`${totals}findings at confidence ${result.minConfidence} and up`, result.atMinConfidence), '', table(`${totals}all findings`, result.allFindings));
  for (const s of result.slices ?? []) {
    out.push('', `slice ${s.name}: ${s.packages} packages, ${s.labels} labelled lines in all, scan ${s.scanSeconds.toFixed(1)} s`);
    out.push(table(`  ${s.name}, findings at confidence ${result.minConfidence} and up`, s.atMinConfidence), table(`  ${s.name}, all findings`, s.allFindings));
  }
  if (verbose && result.allFindings.unlabelled.length > 0) {
    out.push('', 'findings on unlabelled lines (all confidence levels):');
    for (const u of result.allFindings.unlabelled) out.push(`  ${u.pkg}  ${u.path}:${u.line}  ${u.ruleIds.join(',')}`);
  }
  if (errors) {
    out.push('', 'false positives and misses (all confidence levels; place, category and rule only):');
    for (const e of result.allFindings.errors) {
      const rules = e.findings.map((f) => `${f.ruleId}/${f.confidence ?? '-'}`).join(',');
      out.push(`  ${e.type}  ${e.category.padEnd(17)} ${e.pkg}  ${e.path}:${e.line}  ${rules}`);
    }
  }
  console.log(out.join('\n'));
}
