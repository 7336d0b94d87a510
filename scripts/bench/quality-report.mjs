// Prints the quality benchmark result as text tables for a terminal.

const pct = (x) => (x === null || x === undefined ? '   -  ' : x.toFixed(3).padStart(6));

function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function printReport(result, out = console.log) {
  const { corpus, scan, score, targets, pass } = result;
  const o = score.overall;
  out(`Quality corpus: ${corpus.commits} commits, ${corpus.planted} planted secrets of ${corpus.plantedKinds} kinds, ${corpus.decoys} decoys of ${corpus.decoyKinds} kinds (seed ${corpus.seed})`);
  out(`Scan: ${scan.wallMs} ms wall${scan.stats ? `, ${scan.stats.commits} commits, ${scan.stats.blobs} blobs, ${(scan.stats.bytes / 1048576).toFixed(1)} MiB in ${scan.stats.durationMs} ms` : ''}, ${scan.findings} findings`);
  out('');
  out(table(['kind', 'planted', 'found', 'recall', 'TP', 'FP', 'precision', 'F1', 'rules'], score.perKind.map((k) => [k.kind, k.planted, k.found, pct(k.recall), k.tp, k.fp, pct(k.precision), pct(k.f1), k.rules.join(',')])));
  out('');
  out(table(['placement', 'planted', 'found', 'recall'], Object.entries(score.perPlacement).map(([p, v]) => [p, v.planted, v.found, pct(v.found / v.planted)])));
  out('');
  out(table(['decoy kind', 'decoys', 'flagged'], Object.entries(score.decoys).map(([k, v]) => [k, v.decoys, v.flagged])));
  out('');
  const fpRules = score.perRule.filter((r) => r.fp > 0);
  if (fpRules.length > 0) {
    out('False positives by rule:');
    out(table(['rule', 'TP', 'FP', 'what'], fpRules.map((r) => [r.ruleId, r.tp, r.fp, Object.entries(r.falsePositiveKinds).map(([k, n]) => `${k}:${n}`).join(' ')])));
    out('');
  }
  if (score.missed.length > 0) {
    out(`Missed (${score.missed.length}): kinds ${score.missedKinds.join(', ')}`);
    for (const m of score.missed) out(`  ${m.id} ${m.kind} [${m.placement}/${m.format}] ${m.path ?? '(commit message)'}:${m.line}`);
    out('');
  }
  out(`Overall: recall ${pct(o.recall)} (${o.found}/${o.planted})  precision ${pct(o.precision)} (${o.tpFindings} TP, ${o.fpFindings} FP)  F1 ${pct(o.f1)}`);
  out(`Neutral findings: ${o.neutralFindings} sensitive-data, ${o.relatedFindings} non-secret parts of planted secrets; first-commit attribution correct for ${o.attributedToFirstCommit}/${o.found} found`);
  out(`${pass ? 'PASS' : 'FAIL'}: targets recall >= ${targets.recall} and precision >= ${targets.precision}`);
}
