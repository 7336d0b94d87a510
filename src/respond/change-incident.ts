/**
 * What a person does to an incident (the CLI's ack, approve, resolve, reopen): a status change or
 * an approval, recorded in the timeline with who did it. Approving lets the engine run the
 * containment it had only planned; the daemon does it on its next pass over open incidents.
 */
import { LeakwatchError } from '../errors.js';
import type { IncidentRecord, IncidentStore } from './incident-store.js';
import { transition } from './incident-status.js';
import { makeEntry } from './timeline-entry.js';
import type { IncidentStatus, TimelineEntry } from '../domain/incident.js';

export type IncidentChange = 'ack' | 'approve' | 'resolve' | 'false-positive' | 'reopen';

export interface ChangeResult {
  record: IncidentRecord;
  /** False when the incident already was in the asked state (nothing recorded). */
  changed: boolean;
}

const TARGET: Record<Exclude<IncidentChange, 'approve'>, IncidentStatus> = {
  ack: 'acknowledged',
  resolve: 'resolved',
  'false-positive': 'false-positive',
  reopen: 'open',
};

export function loadIncident(store: IncidentStore, id: string): IncidentRecord {
  const record = store.get(id);
  if (record === undefined) throw new LeakwatchError('usage', `No incident ${id}; list them with leakwatch incidents list.`);
  return record;
}

/** Acknowledging a contained incident keeps it contained: the person only confirms they have it. */
function acknowledgeContained(record: IncidentRecord, at: Date, by: string): TimelineEntry | undefined {
  if (record.acknowledgedAt !== null) return undefined;
  record.acknowledgedAt = at;
  record.updatedAt = at;
  return makeEntry({ provider: 'leakwatch', now: () => at }, 'detection-analysis', 'incident.acknowledged', 'ok',
    `Acknowledged by ${by} (status stays contained).`, { by });
}

function approve(record: IncidentRecord, at: Date, by: string): TimelineEntry | undefined {
  if (record.policy === 'auto') {
    throw new LeakwatchError('usage', `Incident ${record.id} is under the auto policy; leakwatch contains it without approval.`);
  }
  if (record.status === 'resolved' || record.status === 'false-positive') {
    throw new LeakwatchError('usage', `Incident ${record.id} is ${record.status}; reopen it before approving.`);
  }
  if (record.approvedAt !== null) return undefined;
  const from = record.policy;
  record.policy = 'approve';
  record.approvedAt = at;
  record.updatedAt = at;
  return makeEntry({ provider: 'leakwatch', now: () => at }, 'containment', 'incident.approved', 'ok',
    `Containment approved by ${by}; leakwatch runs it on its next pass.`, { by, policy: from });
}

export function changeIncident(store: IncidentStore, id: string, change: IncidentChange, by: string, at: Date, note?: string): ChangeResult {
  const record = loadIncident(store, id);
  let entry: TimelineEntry | undefined;
  if (change === 'approve') entry = approve(record, at, by);
  else if (change === 'ack' && record.status === 'contained') entry = acknowledgeContained(record, at, by);
  else if (record.status !== TARGET[change]) entry = transition(record, TARGET[change], at, by, note);
  if (entry === undefined) return { record, changed: false };
  record.timeline = [...record.timeline, entry];
  store.update(record);
  store.appendTimeline(record.id, [entry]);
  return { record, changed: true };
}
