/** The JSON report of DESIGN.md's contract. */
import type { ScanReport } from '../domain/finding.js';

export function renderJson(report: ScanReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
