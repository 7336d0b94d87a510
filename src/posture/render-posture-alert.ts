/** The message telling an owner that a posture check turned from pass to fail: what, where, why it matters, what to do. */
import type { IncidentMessage } from '../respond/render-incident-message.js';
import type { PostureResult } from './types.js';

const escapeHtml = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export function renderPostureAlert(result: PostureResult, at: Date): IncidentMessage {
  const rows: Array<[string, string]> = [
    ['Check', `${result.title} (${result.id})`],
    ['Resource', result.resource],
    ['Region', result.region],
    ['Severity', result.severity],
    ['Reference', result.reference],
    ['Seen failing', at.toISOString()],
  ];
  const intro = 'A leakwatch posture check that passed before now fails. Nothing has leaked because of it yet; it makes a code exposure more likely or harder to investigate.';
  const text = [intro, '', ...rows.map(([k, v]) => `  ${`${k}:`.padEnd(14)}${v}`), '', 'What is wrong', `  ${result.detail}`, '', 'What to do', `  ${result.remediation}`, ''].join('\n');
  const html =
    `<p>${escapeHtml(intro)}</p><table>${rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>` +
    `<h3>What is wrong</h3><p>${escapeHtml(result.detail)}</p><h3>What to do</h3><p>${escapeHtml(result.remediation)}</p>`;
  return { subject: `[leakwatch] Posture check failed: ${result.title} (${result.resource})`, text, html };
}
