/**
 * Idempotent actions: each action of an incident has a key (`containment.contain`,
 * `notify.owner.smtp`, ...) recorded in the store when it is done, so no action runs twice for one
 * exposure, across runs and restarts. An action whose result says "failed, retryable" is tried
 * again on the next run, up to `response.maxAttempts`; then it is given up and escalated.
 */
import type { EngineDeps } from './engine-deps.js';
import type { IncidentRecord } from './incident-store.js';
import type { TimelineEntry } from '../domain/incident.js';

export type OnceOutcome = 'ran' | 'retry-later' | 'gave-up' | 'already-done' | 'exhausted';

/** A retryable failure among the entries means the action is not done yet. */
export function needsRetry(entries: TimelineEntry[]): boolean {
  return entries.some((e) => e.outcome === 'failed' && e.retryable === true);
}

export async function runOnce(
  deps: EngineDeps,
  record: IncidentRecord,
  key: string,
  run: () => Promise<TimelineEntry[]>,
): Promise<OnceOutcome> {
  const { store } = deps;
  const state = store.action(record.id, key);
  if (state?.state === 'done') return 'already-done';
  if (state !== undefined && state.attempts >= deps.config.response.maxAttempts) return 'exhausted';
  const entries = await run();
  if (!needsRetry(entries)) {
    store.recordAction(record.id, key, 'done', deps.now());
    return 'ran';
  }
  const after = store.recordAction(record.id, key, 'failed', deps.now());
  return after.attempts >= deps.config.response.maxAttempts ? 'gave-up' : 'retry-later';
}
