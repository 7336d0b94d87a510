/**
 * Runs every action an incident is due, each at most once (run-once.ts): containment as the
 * family's policy allows (contain-incident.ts), forensics, then the owner's notification, so the
 * message says what was already done, and one more message once a later pass contains it.
 * Failures are timeline entries; an action that keeps failing is given up and escalated to the
 * escalation contacts, once. The caller holds the incident's lease (with-incident-lease.ts) and
 * passes a copy read under it.
 */
import { containCodeStore } from './contain-code-store.js';
import { containIncident } from './contain-incident.js';
import type { EngineDeps } from './engine-deps.js';
import type { IncidentRecord } from './incident-store.js';
import { investigateIncident } from './investigate-incident.js';
import { incidentSecretLoader } from './load-incident-secret.js';
import { notifyOwnerAfterContainment } from './notify-after-containment.js';
import { notifyIncident } from './notify-incident.js';
import { recordResult } from './record-result.js';
import type { OnceOutcome } from './run-once.js';
import { makeEntry } from './timeline-entry.js';

export async function advanceIncident(deps: EngineDeps, record: IncidentRecord, gitDir?: string): Promise<IncidentRecord> {
  if (record.status === 'resolved' || record.status === 'false-positive') return record;
  const loadSecret = incidentSecretLoader(deps, record, gitDir);
  const outcomes: OnceOutcome[] = [];
  if (record.kind === 'credential-exposure') outcomes.push(...(await containIncident(deps, record, loadSecret)));
  if (record.exposure.codeStore !== undefined) outcomes.push(...(await containCodeStore(deps, record)));
  outcomes.push(...(await investigateIncident(deps, record, loadSecret)));
  outcomes.push(...(await notifyIncident(deps, record, 'owner', 'notify.owner')));
  outcomes.push(...(await notifyOwnerAfterContainment(deps, record)));

  if (outcomes.includes('gave-up')) {
    const detail = `An action kept failing after ${deps.config.response.maxAttempts} attempts; escalated to a person.`;
    const entry = makeEntry({ provider: 'leakwatch', now: deps.now }, 'detection-analysis', 'engine.retries-exhausted', 'failed', detail);
    const steps = ['Some automatic steps kept failing (see the timeline): do them by hand.'];
    recordResult(deps.store, record, { entries: [entry], remainingSteps: steps, followUps: [] }, deps.now());
    await notifyIncident(deps, record, 'escalation', 'notify.escalation.retries-exhausted');
  }
  return record;
}
