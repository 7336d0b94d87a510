/**
 * Idempotent actions: each action of an incident has a key (`containment.contain`,
 * `notify.owner.smtp`, ...) recorded in the store as started before it runs and as done after,
 * so no action runs twice for one exposure, across runs and restarts. The caller holds the
 * incident's lease (with-incident-lease.ts); it is renewed here before each action. An action whose result says "failed, retryable" is tried
 * again on the next run, up to `response.maxAttempts`; then it is given up and escalated.
 */
import type { EngineDeps } from './engine-deps.js';
import type { IncidentRecord } from './incident-store.js';
import type { TimelineEntry } from '../domain/incident.js';
import { renewLease } from './with-incident-lease.js';

export type OnceOutcome = 'ran' | 'retry-later' | 'gave-up' | 'already-done' | 'exhausted';

/** A retryable failure among the entries means the action is not done yet. */
export function needsRetry(entries: TimelineEntry[]): boolean {
  return entries.some((e) => e.outcome === 'failed' && e.retryable === true);
}

/** The idempotency key a message or call carries: unique per incident and action. */
export function idempotencyKey(record: Pick<IncidentRecord, 'id'>, key: string): string {
  return `${record.id}/${key}`;
}

export async function runOnce(
  deps: EngineDeps,
  record: IncidentRecord,
  key: string,
  run: (idempotencyKey: string) => Promise<TimelineEntry[]>,
): Promise<OnceOutcome> {
  const { store } = deps;
  const state = store.action(record.id, key);
  if (state?.state === 'done') return 'already-done';
  if (state !== undefined && state.attempts >= deps.config.response.maxAttempts) return 'exhausted';
  // Started and never finished: its holder died mid-call. Run again with the same idempotency
  // key, so a receiver that saw the first call can tell the second is the same one.
  if (state?.state === 'started') deps.log.warn({ incident: record.id, action: key }, 'Action was cut short; running it again under its idempotency key');
  renewLease(deps, record.id);
  store.startAction(record.id, key, deps.now());
  const entries = await run(idempotencyKey(record, key));
  if (!needsRetry(entries)) {
    store.recordAction(record.id, key, 'done', deps.now());
    return 'ran';
  }
  const after = store.recordAction(record.id, key, 'failed', deps.now());
  return after.attempts >= deps.config.response.maxAttempts ? 'gave-up' : 'retry-later';
}
