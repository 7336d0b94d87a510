/**
 * Containment of a credential incident as its policy allows: the family's manual steps when no
 * rotator exists; the rotator's written plan under `notify` and `approve`; the rotator itself under
 * `auto` or once approved. Marks the incident `contained` only when the rotator did something and
 * nothing failed (a key of another account is only reported, so it is not contained).
 */
import { APPROVE_STEP_PREFIX, CONTAIN_BY_HAND_PREFIX } from './approve-step.js';
import type { EngineDeps } from './engine-deps.js';
import type { IncidentRecord } from './incident-store.js';
import type { SecretLoader } from './load-incident-secret.js';
import { withoutPlanSteps } from './open-steps.js';
import { mayContain } from './policy.js';
import { recordEntry, recordResult } from './record-result.js';
import { rotators } from './rotators/api.js';
import { manualContainment, manualStepsFor } from './rotators/manual-steps.js';
import { runContain } from './rotators/run-rotator.js';
import type { Rotator } from './rotators/types.js';
import { runOnce } from './run-once.js';
import type { OnceOutcome } from './run-once.js';
import { makeEntry } from './timeline-entry.js';
import type { TimelineEntry } from '../domain/incident.js';

function rotatorFor(deps: EngineDeps, record: IncidentRecord): Rotator | undefined {
  const id = deps.ruleset.byId.get(record.exposure.ruleId)?.provider?.rotate;
  return id === undefined ? undefined : rotators.get(id);
}

function planSteps(record: IncidentRecord): string[] {
  const manual = manualStepsFor(record.exposure.ruleId);
  if (record.policy === 'approve') {
    return [`${APPROVE_STEP_PREFIX}: leakwatch incidents approve ${record.id} (or do the steps below by hand).`, ...manual];
  }
  return [`${CONTAIN_BY_HAND_PREFIX} (or set response.policies.${record.ruleFamily}: auto to let leakwatch do it):`, ...manual];
}

async function contain(deps: EngineDeps, record: IncidentRecord, rotator: Rotator, loadSecret: SecretLoader): Promise<TimelineEntry[]> {
  const { now } = deps;
  const secret = await loadSecret();
  if (secret === undefined) {
    const detail = 'Could not read the secret again from the repository mirror to act on it; will retry.';
    const entry = makeEntry({ provider: 'leakwatch', now }, 'containment', 'containment.secret-unavailable', 'failed', detail);
    entry.retryable = true;
    recordEntry(deps.store, record, entry, now());
    return [entry];
  }
  const log = deps.log.child({ incident: record.id, rotator: rotator.id });
  const options = deps.rotatorOptions ?? {};
  const sleep = deps.sleep === undefined ? {} : { sleep: deps.sleep };
  const result = await runContain(rotator, { incident: record, secret, clients: deps.clients, options, log, now, ...sleep });
  // The plan's steps (approve, contain by hand) are done now; the rotator's own steps replace them.
  record.remainingSteps = withoutPlanSteps(record);
  recordResult(deps.store, record, result, now());
  return result.entries;
}

export async function containIncident(deps: EngineDeps, record: IncidentRecord, loadSecret: SecretLoader): Promise<OnceOutcome[]> {
  const { now } = deps;
  const rotator = rotatorFor(deps, record);
  if (rotator === undefined) {
    const outcome = await runOnce(deps, record, 'containment.manual', () => {
      const result = manualContainment(record, now);
      recordResult(deps.store, record, result, now());
      return Promise.resolve(result.entries);
    });
    return [outcome];
  }
  const outcomes: OnceOutcome[] = [];
  if (record.policy !== 'auto') {
    outcomes.push(
      await runOnce(deps, record, 'containment.plan', () => {
        const result = rotator.plan({ incident: record, options: deps.rotatorOptions ?? {}, now });
        recordResult(deps.store, record, { ...result, remainingSteps: [...planSteps(record), ...result.remainingSteps] }, now());
        return Promise.resolve(result.entries);
      }),
    );
  }
  if (!mayContain(record.policy, record.approvedAt)) return outcomes;

  let produced: TimelineEntry[] = [];
  const outcome = await runOnce(deps, record, 'containment.contain', async () => (produced = await contain(deps, record, rotator, loadSecret)));
  outcomes.push(outcome);
  const didSomething = produced.some((e) => e.phase === 'containment' && e.outcome === 'ok');
  const failed = produced.some((e) => e.outcome === 'failed');
  if (outcome === 'ran' && didSomething && !failed && (record.status === 'open' || record.status === 'acknowledged')) {
    const from = record.status;
    record.status = 'contained';
    const detail = `Status ${from} → contained: ${rotator.title} completed.`;
    const data = { from, to: 'contained', by: 'leakwatch' };
    recordEntry(deps.store, record, makeEntry({ provider: 'leakwatch', now }, 'containment', 'incident.contained', 'ok', detail, data), now());
  }
  return outcomes;
}
