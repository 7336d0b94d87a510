/**
 * Runs follow-ups that are due (e.g. deleting a deactivated access key after its grace period),
 * each once: marked done when it succeeded or failed for good, left for the next run when the
 * failure is retryable.
 */
import type { EngineDeps } from './engine-deps.js';
import { recordResult } from './record-result.js';
import { rotators } from './rotators/api.js';
import { runEradicate } from './rotators/run-rotator.js';
import { needsRetry } from './run-once.js';
import { withIncidentLease } from './with-incident-lease.js';

export async function runDueFollowUps(deps: EngineDeps): Promise<number> {
  let ran = 0;
  for (const followUp of deps.store.dueFollowUps(deps.now())) {
    const rotator = rotators.get(followUp.provider);
    if (rotator === undefined || deps.store.get(followUp.incidentId) === undefined) {
      deps.store.completeFollowUp(followUp.id, deps.now());
      continue;
    }
    const log = deps.log.child({ incident: followUp.incidentId, rotator: rotator.id });
    try {
      // Under the incident's lease; held elsewhere, the follow-up stays due for the next pass.
      await withIncidentLease(deps, followUp.incidentId, async (leased) => {
        const record = leased.store.get(followUp.incidentId);
        if (record === undefined) return;
        const result = await runEradicate(rotator, { followUp, clients: leased.clients, options: leased.rotatorOptions ?? {}, log, now: leased.now });
        recordResult(leased.store, record, result, leased.now());
        if (!needsRetry(result.entries)) leased.store.completeFollowUp(followUp.id, leased.now());
        ran += 1;
      });
    } catch (err) {
      log.error({ errName: err instanceof Error ? err.name : typeof err }, 'Follow-up failed');
    }
  }
  return ran;
}
