/**
 * The JSON report of DESIGN.md's contract: `JSON.stringify(report, null, 2)` and a newline.
 * Written in two parts, the findings (always the report's last field) and the rest around them,
 * so a rerun answered from its cached report, which keeps its findings as this renders them
 * (scan/report-cache.ts), writes them as they are instead of parsing and rendering them again.
 */
import type { Finding, ScanReport } from '../domain/finding.js';

/** The findings array as it stands in the report: indented as the report's last field. */
export function renderJsonFindings(findings: readonly Finding[]): string {
  // Every line break of JSON.stringify's output is between tokens (a string's own are escaped).
  return JSON.stringify(findings, null, 2).replace(/\n/g, '\n  ');
}

/** The report's text before and after its findings (which renderJsonFindings renders). */
export function renderJsonAround(report: Omit<ScanReport, 'findings'>): [before: string, after: string] {
  const rest = JSON.stringify(report, null, 2);
  // `{\n  …\n}`: the closing brace goes after the findings.
  return [`${rest.slice(0, -2)},\n  "findings": `, '\n}\n'];
}

export function renderJson(report: ScanReport): string {
  const { findings, ...rest } = report;
  const [before, after] = renderJsonAround(rest);
  return `${before}${renderJsonFindings(findings)}${after}`;
}
