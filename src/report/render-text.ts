/**
 * The report for people: findings grouped by severity, one line each with the redacted
 * preview and where it first appeared, and a summary line. Colour only on a terminal.
 * After `--verify`, a checked credential is marked LIVE or revoked.
 */
import type { Severity } from '../detect/types.js';
import type { Finding, ScanReport } from '../domain/finding.js';
import { escapeField } from '../util/terminal-text.js';

const COLOUR: Record<Severity, string> = { critical: '\x1b[1;31m', high: '\x1b[31m', medium: '\x1b[33m', low: '\x1b[36m' };
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';
const ORDER: Severity[] = ['critical', 'high', 'medium', 'low'];

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

export function renderText(report: ScanReport, colour: boolean): string {
  const paint = (code: string, s: string): string => (colour ? `${code}${s}${RESET}` : s);
  const lines: string[] = [];
  for (const severity of ORDER) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(paint(COLOUR[severity], `${severity.toUpperCase()} (${group.length})`));
    for (const f of group) {
      const more = f.locations.length > 1 ? paint(DIM, ` (+${f.locations.length - 1} more places)`) : '';
      const status = f.verified === true ? `  ${paint('\x1b[1;31m', '[LIVE]')}` : f.verified === false ? `  ${paint(DIM, '[revoked]')}` : '';
      lines.push(`  ${escapeField(f.title)}  ${paint(COLOUR[severity], escapeField(f.redacted))}  ${paint(DIM, escapeField(f.ruleId))}${status}`);
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
  const summary =
    `${report.findings.length === 0 ? 'No findings' : `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'} (${counts.join(', ')}${verified})`}` +
    ` in ${escapeField(report.target)}: scanned ${s.commits} commits and ${s.blobs} blobs (${formatBytes(s.bytes)}) in ${(s.durationMs / 1000).toFixed(2)} s${cached}${skipped}${partial}${unread}.`;
  lines.push(report.findings.length === 0 ? paint('\x1b[32m', summary) : summary);
  return `${lines.join('\n')}\n`;
}
