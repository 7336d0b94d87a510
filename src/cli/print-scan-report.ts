/**
 * How `leakwatch scan` ends: the report in the format asked for (stdout or --output), warnings on
 * stderr, and the exit code. One function for the scan command (scan.ts) and for a scan answered
 * from its cached report before the command loads (scan-from-cache.ts), so both end alike.
 */
import type { Confidence } from '../detect/types.js';
import type { ScanReport } from '../domain/finding.js';
import { filterByConfidence } from '../report/filter-confidence.js';
import { renderJson } from '../report/render-json.js';
import { renderSarif } from '../report/render-sarif.js';
import { renderText } from '../report/render-text.js';
import { incompleteError, renderWarnings } from '../report/render-warnings.js';
import { writeOutput } from './write-output.js';

export const FORMATS = ['text', 'json', 'sarif'] as const;

export interface ReportFlags {
  format?: (typeof FORMATS)[number];
  output?: string;
  minConfidence?: Confidence;
  allowIncomplete?: boolean;
}

export function printScanReport(report: ScanReport, flags: ReportFlags): void {
  const format = flags.format ?? (process.stdout.isTTY && !flags.output ? 'text' : 'json');
  const shown = filterByConfidence(report, flags.minConfidence ?? (format === 'text' ? 'medium' : 'low'));
  const text =
    format === 'json'
      ? renderJson(shown.report)
      : format === 'sarif'
        ? renderSarif(shown.report)
        : renderText(shown.report, process.stdout.isTTY === true && !flags.output, { hidden: shown.hidden });
  writeOutput(text, flags.output);
  for (const line of renderWarnings(report)) process.stderr.write(`leakwatch: ${line}\n`);
  const incomplete = flags.allowIncomplete ? null : incompleteError(report);
  if (incomplete) process.stderr.write(`leakwatch: ${incomplete}\n`);
  process.exitCode = incomplete ? 2 : shown.report.findings.length > 0 ? 1 : 0;
}
