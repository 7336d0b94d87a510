/**
 * `--min-confidence`: the report narrowed to findings at or above a level, and how many of each
 * lower level were left out, so the text report can say what it does not show.
 */
import type { Confidence } from '../detect/types.js';
import { atLeast } from '../domain/confidence.js';
import type { ScanReport } from '../domain/finding.js';

export interface ConfidenceFilterResult {
  report: ScanReport;
  /** Findings left out, per level (only levels below the threshold). */
  hidden: Partial<Record<Confidence, number>>;
}

export function filterByConfidence(report: ScanReport, min: Confidence): ConfidenceFilterResult {
  if (min === 'low') return { report, hidden: {} };
  const hidden: Partial<Record<Confidence, number>> = {};
  const findings = report.findings.filter((f) => {
    if (atLeast(f.confidence, min)) return true;
    hidden[f.confidence] = (hidden[f.confidence] ?? 0) + 1;
    return false;
  });
  return { report: findings.length === report.findings.length ? report : { ...report, findings }, hidden };
}
