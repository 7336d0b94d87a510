// Precision, recall and F1 for the code-match benchmark, per transformation and overall, and
// the threshold sweep used to choose the default threshold.

export function f1(precision, recall) {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/**
 * results: [{ class, positive, score, attributed }] where score is the best match score (0 when
 * nothing matched) and attributed says whether the true source file was among the matches.
 * Per positive class, precision counts that class's true positives against every false
 * positive of the run (the negatives are shared by all classes), which is the conservative way.
 */
export function evaluate(results, threshold) {
  const predicted = (r) => r.score >= threshold && r.score > 0;
  const fp = results.filter((r) => !r.positive && predicted(r)).length;
  const negatives = results.filter((r) => !r.positive).length;
  const rows = [];
  const classes = [...new Set(results.map((r) => r.class))];
  for (const cls of classes) {
    const rs = results.filter((r) => r.class === cls);
    if (rs[0].positive) {
      const tp = rs.filter(predicted).length;
      const attributed = rs.filter((r) => predicted(r) && r.attributed).length;
      const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
      const recall = tp / rs.length;
      rows.push({ class: cls, candidates: rs.length, tp, fn: rs.length - tp, fp, precision, recall, f1: f1(precision, recall), attributed });
    } else {
      const classFp = rs.filter(predicted).length;
      rows.push({ class: cls, candidates: rs.length, tp: 0, fn: 0, fp: classFp, falsePositiveRate: classFp / rs.length });
    }
  }
  const positives = results.filter((r) => r.positive);
  const tp = positives.filter(predicted).length;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp / Math.max(positives.length, 1);
  const attributed = positives.filter((r) => predicted(r) && r.attributed).length;
  return {
    threshold, rows,
    overall: { candidates: results.length, positives: positives.length, negatives, tp, fp, fn: positives.length - tp, precision, recall, f1: f1(precision, recall), attributed },
  };
}

export function sweep(results, thresholds) {
  return thresholds.map((t) => evaluate(results, t).overall).map((o, i) => ({ threshold: thresholds[i], ...o }));
}
