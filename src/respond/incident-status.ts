/**
 * Status transitions of an incident and the timeline entry each one leaves. A person acknowledges,
 * approves, resolves (or marks a false positive) and reopens; the engine marks `contained`.
 */
import { LeakwatchError } from '../errors.js';
import type { IncidentRecord } from './incident-store.js';
import { makeEntry } from './timeline-entry.js';
import type { IncidentStatus, PlaybookPhase, TimelineEntry } from '../domain/incident.js';

const ALLOWED: Record<IncidentStatus, readonly IncidentStatus[]> = {
  open: ['acknowledged', 'contained', 'resolved', 'false-positive'],
  acknowledged: ['contained', 'resolved', 'false-positive'],
  contained: ['resolved', 'false-positive'],
  resolved: ['open'],
  'false-positive': ['open'],
};

const PHASE: Record<IncidentStatus, PlaybookPhase> = {
  open: 'detection-analysis',
  acknowledged: 'detection-analysis',
  contained: 'containment',
  resolved: 'post-incident',
  'false-positive': 'post-incident',
};

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** Moves the record to `to` (mutating it) and returns the entry to append; throws a usage error if not allowed. */
export function transition(record: IncidentRecord, to: IncidentStatus, at: Date, by: string, note?: string): TimelineEntry {
  const from = record.status;
  if (!canTransition(from, to)) {
    throw new LeakwatchError('usage', `Incident ${record.id} is ${from}; it cannot become ${to}.`);
  }
  record.status = to;
  record.updatedAt = at;
  if (to === 'acknowledged' && record.acknowledgedAt === null) record.acknowledgedAt = at;
  if (to === 'open') record.acknowledgedAt = null;
  const detail = `Status ${from} → ${to} by ${by}${note === undefined ? '' : `: ${note}`}.`;
  return makeEntry({ provider: 'leakwatch', now: () => at }, PHASE[to], `incident.${to}`, 'ok', detail, { from, to, by });
}
