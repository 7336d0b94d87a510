/**
 * Escalation: an incident nobody acknowledged `response.escalateAfterMinutes` after it was opened
 * goes to its escalation contacts, once; the escalation is recorded on the incident so a restart
 * does not send it again. A contained incident counts too: the owner still has steps to do.
 */
import type { EngineDeps } from './engine-deps.js';
import { notifyIncident } from './notify-incident.js';
import { recordResult } from './record-result.js';
import { makeEntry } from './timeline-entry.js';

const MINUTE_MS = 60_000;

export async function escalateIncidents(deps: EngineDeps): Promise<string[]> {
  const now = deps.now();
  const limit = deps.config.response.escalateAfterMinutes * MINUTE_MS;
  const escalated: string[] = [];
  for (const record of deps.store.list({ status: ['open', 'contained'] })) {
    if (record.acknowledgedAt !== null || record.escalatedAt !== null) continue;
    if (now.getTime() - record.createdAt.getTime() < limit) continue;
    record.escalatedAt = now;
    const to = record.repository.escalationContacts.join(', ') || 'the owner again (no escalation contacts on record)';
    const detail = `Not acknowledged ${deps.config.response.escalateAfterMinutes} minutes after opening: sent to ${to}.`;
    const entry = makeEntry({ provider: 'leakwatch', now: deps.now }, 'detection-analysis', 'incident.escalated', 'ok', detail);
    try {
      recordResult(deps.store, record, { entries: [entry], remainingSteps: [], followUps: [] }, now);
      await notifyIncident(deps, record, 'escalation', 'notify.escalation');
      escalated.push(record.id);
    } catch (err) {
      // One incident's failure must not stop the others from escalating.
      deps.log.error({ incident: record.id, errName: err instanceof Error ? err.name : typeof err }, 'Incident escalation failed');
    }
  }
  return escalated;
}
