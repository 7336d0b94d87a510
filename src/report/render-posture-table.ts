/**
 * The posture report for a terminal: one line per check and resource, then what to do about
 * each failing check once, then the summary. AWS-supplied names are escaped for the terminal.
 */
import type { PostureSummary } from '../posture/run-posture-checks.js';
import type { PostureResult } from '../posture/types.js';
import { escapeField } from '../util/terminal-text.js';

const MARK: Record<PostureResult['status'], string> = { pass: 'PASS', fail: 'FAIL', error: 'ERROR', skipped: 'SKIP' };

export function renderPostureTable(results: readonly PostureResult[], summary: PostureSummary): string {
  const rows = results.map((r) => [MARK[r.status], r.id, r.region, escapeField(r.resource), escapeField(r.detail)]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i]!.length), 0));
  const lines = rows.map((row) => row.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]!) : cell)).join('  ').trimEnd());
  const failing = [...new Map(results.filter((r) => r.status === 'fail' || r.status === 'error').map((r) => [r.id, r])).values()];
  if (failing.length > 0) {
    lines.push('', 'To fix:');
    for (const r of failing) lines.push(`  ${r.id} [${r.reference}]: ${r.remediation}`);
  }
  lines.push('', `${summary.pass} pass, ${summary.fail} fail, ${summary.error} error, ${summary.skipped} skipped`);
  return `${lines.join('\n')}\n`;
}
