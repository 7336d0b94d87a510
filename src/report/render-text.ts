/**
 * The report for people: findings grouped by confidence (high first), most severe first within
 * a group, one line each with the severity, redacted preview and where it first appeared, and a
 * summary line that also says how many lower-confidence findings `--min-confidence` left out.
 * Colour only on a terminal. After `--verify`, a checked credential is marked LIVE or revoked.
 */
import type { Confidence, Severity } from '../detect/types.js';
import { CONFIDENCE_LEVELS } from '../domain/confidence.js';
import type { Finding, ScanReport } from '../domain/finding.js';
import { escapeField } from '../util/terminal-text.js';

const COLOUR: Record<Severity, string> = { critical: '\x1b[1;31m', high: '\x1b[31m', medium: '\x1b[33m', low: '\x1b[36m' };
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';
const ORDER: Severity[] = ['critical', 'high', 'medium', 'low'];
const SEVERITY_WIDTH = Math.max(...ORDER.map((s) => s.length));

export interface TextOptions {
  /** Findings left out below the threshold, per level (filter-confidence.ts). */
  hidden?: Partial<Record<Confidence, number>>;
}

/** "2 low-confidence findings not shown (--min-confidence low shows them)", or nothing. */
function hiddenLine(hidden: Partial<Record<Confidence, number>>): string | null {
  const levels = CONFIDENCE_LEVELS.filter((c) => (hidden[c] ?? 0) > 0);
  if (levels.length === 0) return null;
  const total = levels.reduce((n, c) => n + hidden[c]!, 0);
  const parts = levels.map((c) => `${hidden[c]} ${c}`).join(', ');
  const lowest = levels[levels.length - 1]!;
  return `${total} lower-confidence finding${total === 1 ? '' : 's'} not shown (${parts}); --min-confidence ${lowest} shows them.`;
}

function where(f: Finding): string {
  const place = f.path ? `${escapeField(f.path)}:${f.line}` : f.commit ? `commit message:${f.line}` : `dangling blob ${f.blob?.slice(0, 12)}:${f.line}`;
  const commit = f.commit ? ` in ${f.commit.slice(0, 10)}` : '';
  const who = f.author ? ` by ${escapeField(f.author)}` : '';
  const when = f.date ? ` on ${f.date.slice(0, 10)}` : '';
  return `${place}${commit}${who}${when}`;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`;
}

/** What the scan could not read, for the summary line (details go to stderr). */
function notRead(s: ScanReport['stats']): string {
  const parts: string[] = [];
  if (s.skipped.missing > 0) parts.push(`${s.skipped.missing} missing from the object store`);
  if (s.skipped.unreadable > 0) parts.push(`${s.skipped.unreadable} unreadable`);
  if (s.skipped.submodules.length > 0) parts.push(`${s.skipped.submodules.length} submodule${s.skipped.submodules.length === 1 ? '' : 's'} not scanned (${s.skipped.submodules.map((m) => m.path).join(', ')})`);
  if (s.incomplete) parts.push(`INCOMPLETE: ${s.incomplete.reasons.join(', ')}`);
  return parts.length > 0 ? `; ${parts.join(', ')}` : '';
}

export function renderText(report: ScanReport, colour: boolean, options: TextOptions = {}): string {
  const paint = (code: string, s: string): string => (colour ? `${code}${s}${RESET}` : s);
  const lines: string[] = [];
  for (const confidence of CONFIDENCE_LEVELS) {
    const group = report.findings
      .filter((f) => f.confidence === confidence)
      .sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
    if (group.length === 0) continue;
    lines.push(`${confidence.toUpperCase()} CONFIDENCE (${group.length})`);
    for (const f of group) {
      const more = f.locations.length > 1 ? paint(DIM, ` (+${f.locations.length - 1} more places)`) : '';
      const status = f.verified === true ? `  ${paint('\x1b[1;31m', '[LIVE]')}` : f.verified === false ? `  ${paint(DIM, '[revoked]')}` : '';
      const severity = paint(COLOUR[f.severity], f.severity.toUpperCase().padEnd(SEVERITY_WIDTH));
      lines.push(`  ${severity}  ${escapeField(f.title)}  ${paint(COLOUR[f.severity], escapeField(f.redacted))}  ${paint(DIM, escapeField(f.ruleId))}${status}`);
      lines.push(`    ${where(f)}${more}`);
    }
    lines.push('');
  }
  const s = report.stats;
  const counts = ORDER.map((sev) => [sev, report.findings.filter((f) => f.severity === sev).length] as const)
    .filter(([, n]) => n > 0)
    .map(([sev, n]) => `${n} ${sev}`);
  const skipped = s.skipped.tooLarge + s.skipped.binary > 0 ? `, skipped ${s.skipped.tooLarge} too large and ${s.skipped.binary} binary` : '';
  const partial = s.skipped.partial > 0 ? `, ${s.skipped.partial} only partly matched (time budget)` : '';
  const cached = s.cachedObjects > 0 ? `, ${s.cachedObjects} already scanned` : '';
  const unread = notRead(s);
  const live = report.findings.filter((f) => f.verified === true).length;
  const revoked = report.findings.filter((f) => f.verified === false).length;
  const verified = live + revoked > 0 ? `; verified: ${live} live, ${revoked} revoked` : '';
  const hidden = hiddenLine(options.hidden ?? {});
  const summary =
    `${report.findings.length === 0 ? (hidden === null ? 'No findings' : 'No findings shown') : `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'} (${counts.join(', ')}${verified})`}` +
    ` in ${escapeField(report.target)}: scanned ${s.commits} commits and ${s.blobs} blobs (${formatBytes(s.bytes)}) in ${(s.durationMs / 1000).toFixed(2)} s${cached}${skipped}${partial}${unread}.`;
  lines.push(report.findings.length === 0 && hidden === null ? paint('\x1b[32m', summary) : summary);
  if (hidden !== null) lines.push(hidden);
  return `${lines.join('\n')}\n`;
}
