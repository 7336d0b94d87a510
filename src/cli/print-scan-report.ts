/**
 * How `leakwatch scan` ends: the report in the format asked for (stdout or --output), warnings on
 * stderr, and the exit code. One function for the scan command (scan.ts) and for a scan answered
 * from its cached report before the command loads (scan-from-cache.ts), so both end alike.
 */
import type { Confidence } from '../detect/types.js';
import type { ScanReport } from '../domain/finding.js';
import { filterByConfidence } from '../report/filter-confidence.js';
import { renderJson, renderJsonAround } from '../report/render-json.js';
import { renderSarif } from '../report/render-sarif.js';
import { renderText } from '../report/render-text.js';
import { incompleteError, renderWarnings } from '../report/render-warnings.js';
import type { CachedAnswer } from '../scan/cached-rerun.js';
import { answerReport } from '../scan/cached-rerun.js';
import { writeOutput } from './write-output.js';
import { writeStdout } from './write-stdout.js';

export const FORMATS = ['text', 'json', 'sarif'] as const;

export interface ReportFlags {
  format?: (typeof FORMATS)[number];
  output?: string;
  minConfidence?: Confidence;
  allowIncomplete?: boolean;
}

const formatOf = (flags: ReportFlags): (typeof FORMATS)[number] => flags.format ?? (process.stdout.isTTY && !flags.output ? 'text' : 'json');

const minConfidenceOf = (flags: ReportFlags, format: (typeof FORMATS)[number]): Confidence => flags.minConfidence ?? (format === 'text' ? 'medium' : 'low');

/**
 * Writes the rendered report, then the warnings, and sets the exit code. `toStdout`, if given,
 * writes the report when it goes to stdout (no --output).
 */
function finish(report: Omit<ScanReport, 'findings'>, text: string | Buffer, shownFindings: number, flags: ReportFlags, toStdout?: (text: string | Buffer) => void): void {
  if (toStdout && !flags.output) toStdout(text);
  else writeOutput(text, flags.output);
  for (const line of renderWarnings(report)) process.stderr.write(`leakwatch: ${line}\n`);
  const incomplete = flags.allowIncomplete ? null : incompleteError(report);
  if (incomplete) process.stderr.write(`leakwatch: ${incomplete}\n`);
  process.exitCode = incomplete ? 2 : shownFindings > 0 ? 1 : 0;
}

export function printScanReport(report: ScanReport, flags: ReportFlags, toStdout?: (text: string | Buffer) => void): void {
  const format = formatOf(flags);
  const shown = filterByConfidence(report, minConfidenceOf(flags, format));
  const text =
    format === 'json'
      ? renderJson(shown.report)
      : format === 'sarif'
        ? renderSarif(shown.report)
        : renderText(shown.report, process.stdout.isTTY === true && !flags.output, { hidden: shown.hidden });
  finish(report, text, shown.report.findings.length, flags, toStdout);
}

/**
 * The same for a rerun's cached answer. A JSON report of every finding (JSON's default) is its
 * findings' cached text as it is, without parsing them; anything else parses them first. False
 * when they cannot be read: nothing is written, and the scan runs. The report goes to stdout
 * through its descriptor (write-stdout.ts): the command line answers a rerun without making
 * process.stdout (main.ts).
 */
export function printCachedAnswer(answer: CachedAnswer, flags: ReportFlags): boolean {
  const format = formatOf(flags);
  if (format === 'json' && minConfidenceOf(flags, format) === 'low') {
    const [before, after] = renderJsonAround(answer.report);
    finish(answer.report, Buffer.concat([Buffer.from(before), answer.findingsJson, Buffer.from(after)]), answer.findingCount, flags, writeStdout);
    return true;
  }
  const report = answerReport(answer);
  if (!report) return false;
  printScanReport(report, flags, writeStdout);
  return true;
}
