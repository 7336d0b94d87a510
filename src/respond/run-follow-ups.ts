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

export async function runDueFollowUps(deps: EngineDeps): Promise<number> {
  let ran = 0;
  for (const followUp of deps.store.dueFollowUps(deps.now())) {
    const rotator = rotators.get(followUp.provider);
    const record = deps.store.get(followUp.incidentId);
    if (rotator === undefined || record === undefined) {
      deps.store.completeFollowUp(followUp.id, deps.now());
      continue;
    }
    const log = deps.log.child({ incident: record.id, rotator: rotator.id });
    try {
      const result = await runEradicate(rotator, { followUp, clients: deps.clients, options: deps.rotatorOptions ?? {}, log, now: deps.now });
      recordResult(deps.store, record, result, deps.now());
      if (!needsRetry(result.entries)) deps.store.completeFollowUp(followUp.id, deps.now());
      ran += 1;
    } catch (err) {
      log.error({ errName: err instanceof Error ? err.name : typeof err }, 'Follow-up failed');
    }
  }
  return ran;
}
