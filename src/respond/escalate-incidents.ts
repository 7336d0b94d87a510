/**
 * Escalation: an incident nobody acknowledged `response.escalateAfterMinutes` after it was opened
 * goes to its escalation contacts, once; the escalation is recorded on the incident so a restart
 * does not send it again. A contained incident counts too: the owner still has steps to do.
 */
import type { EngineDeps } from './engine-deps.js';
import type { IncidentRecord } from './incident-store.js';
import { notifyIncident } from './notify-incident.js';
import { recordResult } from './record-result.js';
import { makeEntry } from './timeline-entry.js';
import { withIncidentLease } from './with-incident-lease.js';

const MINUTE_MS = 60_000;

function isDue(record: IncidentRecord, now: Date, limitMs: number): boolean {
  if (record.status !== 'open' && record.status !== 'contained') return false;
  if (record.acknowledgedAt !== null || record.escalatedAt !== null) return false;
  return now.getTime() - record.createdAt.getTime() >= limitMs;
}

export async function escalateIncidents(deps: EngineDeps): Promise<string[]> {
  const now = deps.now();
  const limit = deps.config.response.escalateAfterMinutes * MINUTE_MS;
  const escalated: string[] = [];
  for (const listed of deps.store.list({ status: ['open', 'contained'] })) {
    if (!isDue(listed, now, limit)) continue;
    try {
      // Under the lease and read again: the post-scan response may have changed it meanwhile, and
      // writing the listed copy back would undo that (contained → open).
      await withIncidentLease(deps, listed.id, async (leased) => {
        const record = leased.store.get(listed.id);
        if (record === undefined || !isDue(record, now, limit)) return;
        record.escalatedAt = now;
        const to = record.repository.escalationContacts.join(', ') || 'the owner again (no escalation contacts on record)';
        const detail = `Not acknowledged ${deps.config.response.escalateAfterMinutes} minutes after opening: sent to ${to}.`;
        const entry = makeEntry({ provider: 'leakwatch', now: deps.now }, 'detection-analysis', 'incident.escalated', 'ok', detail);
        recordResult(leased.store, record, { entries: [entry], remainingSteps: [], followUps: [] }, now);
        await notifyIncident(leased, record, 'escalation', 'notify.escalation');
        escalated.push(record.id);
      });
    } catch (err) {
      // One incident's failure must not stop the others from escalating.
      deps.log.error({ incident: listed.id, errName: err instanceof Error ? err.name : typeof err }, 'Incident escalation failed');
    }
  }
  return escalated;
}
