/**
 * Small builders for timeline entries, so every provider records steps and failures the same
 * way: a fixed action name, one sentence for the owner, and a retryable flag on failures.
 */
import { classifyError } from '../util/classify-error.js';
import type { ClassifiedError } from '../util/classify-error.js';
import type { ActionOutcome, PlaybookPhase, TimelineData, TimelineEntry } from '../domain/incident.js';

export interface EntryScope {
  provider: string;
  now: () => Date;
}

export function makeEntry(
  scope: EntryScope,
  phase: PlaybookPhase,
  action: string,
  outcome: ActionOutcome,
  detail: string,
  data?: TimelineData,
): TimelineEntry {
  const entry: TimelineEntry = { at: scope.now(), phase, action, outcome, detail, provider: scope.provider };
  if (data !== undefined) entry.data = data;
  return entry;
}

const HINTS: Record<ClassifiedError['kind'], string> = {
  throttled: 'throttled by the API; retry later',
  'access-denied': "the daemon's principal is not allowed to do this; grant the permission or do it by hand",
  'not-found': 'the resource no longer exists',
  'invalid-credential': 'the credential was rejected',
  server: 'the service returned an error; retry later',
  other: 'unexpected error',
};

/** A failed or skipped entry for an error; `what` says what we tried, e.g. "Deactivating the key". */
export function errorEntry(
  scope: EntryScope,
  phase: PlaybookPhase,
  action: string,
  what: string,
  err: unknown,
  data?: TimelineData,
): TimelineEntry {
  const c = classifyError(err);
  const entry = makeEntry(scope, phase, action, c.outcome, `${what}: ${HINTS[c.kind]} (${c.code}).`, {
    ...data,
    error: c.code,
  });
  entry.retryable = c.retryable;
  return entry;
}

export type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs one API call and captures its error instead of throwing. */
export async function attempt<T>(fn: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return { ok: false, error };
  }
}
