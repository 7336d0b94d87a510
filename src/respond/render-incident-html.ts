/**
 * The HTML variant of the incident message: the same sections as the text, escaped, with
 * inline styles only (mail clients drop style sheets).
 */
import { incidentIntro, incidentSections, incidentSubject } from './incident-message-parts.js';
import type { Audience, MessageKind } from './incident-message-parts.js';
import type { Incident } from '../domain/incident.js';

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const SEVERITY_COLOURS: Record<Incident['severity'], string> = {
  critical: '#b00020',
  high: '#d35400',
  medium: '#b7950b',
  low: '#2e7d32',
};

function link(value: string): string {
  return /^https:\/\//.test(value) ? `<a href="${escapeHtml(value)}">${escapeHtml(value)}</a>` : escapeHtml(value);
}

export function renderIncidentHtml(incident: Incident, audience: Audience, now: Date, kind: MessageKind = 'opened'): string {
  const parts = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">',
    `<h1 style="font-size:18px;color:${SEVERITY_COLOURS[incident.severity]}">${escapeHtml(incidentSubject(incident, audience, kind))}</h1>`,
    `<p>${escapeHtml(incidentIntro(incident, audience, kind))}</p>`,
  ];
  for (const s of incidentSections(incident, now)) {
    parts.push(`<h2 style="font-size:15px">${escapeHtml(s.title)}</h2>`);
    if (s.rows !== undefined) {
      parts.push('<table style="border-collapse:collapse">');
      for (const [label, value] of s.rows) {
        parts.push(`<tr><th style="text-align:left;padding-right:12px">${escapeHtml(label)}</th><td><code>${link(value)}</code></td></tr>`);
      }
      parts.push('</table>');
    }
    if (s.bullets !== undefined) parts.push(`<ul>${s.bullets.map((b) => `<li>${escapeHtml(b)}</li>`).join('')}</ul>`);
    if (s.numbered !== undefined) parts.push(`<ol>${s.numbered.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ol>`);
  }
  parts.push('</body></html>');
  return parts.join('\n');
}
