/**
 * The plain-text incident message (e-mail text part, SNS body): what leaked, where, since when,
 * how severe and why, what leakwatch already did, and what the reader must still do.
 */
import { incidentIntro, incidentSections, incidentSubject } from './incident-message-parts.js';
import type { Audience, MessageKind } from './incident-message-parts.js';
import { renderIncidentHtml } from './render-incident-html.js';
import type { Incident } from '../domain/incident.js';

export interface IncidentMessage {
  subject: string;
  text: string;
  html: string;
}

export function renderIncidentText(incident: Incident, audience: Audience, now: Date, kind: MessageKind = 'opened'): string {
  const lines = [incidentIntro(incident, audience, kind), ''];
  for (const s of incidentSections(incident, now)) {
    lines.push(s.title);
    const width = Math.max(0, ...(s.rows ?? []).map(([label]) => label.length));
    for (const [label, value] of s.rows ?? []) lines.push(`  ${`${label}:`.padEnd(width + 2)}${value}`);
    for (const b of s.bullets ?? []) lines.push(`  - ${b}`);
    (s.numbered ?? []).forEach((n, i) => lines.push(`  ${i + 1}. ${n}`));
    lines.push('');
  }
  return lines.join('\n');
}

export function renderIncidentMessage(incident: Incident, audience: Audience, now: Date, kind: MessageKind = 'opened'): IncidentMessage {
  return {
    subject: incidentSubject(incident, audience, kind),
    text: renderIncidentText(incident, audience, now, kind),
    html: renderIncidentHtml(incident, audience, now, kind),
  };
}
