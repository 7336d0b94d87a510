/**
 * Exposures the sink deferred (their incident was held by another actor, or the response
 * failed), kept in the watch state so the next cycle, or the next process, delivers them again:
 * a public copy of our secret is never dropped because the engine was busy with its incident.
 * Keyed by `exposureKey`, so deferring one again replaces it instead of queueing a duplicate.
 * An exposure holds no secret (only its SHA-256 and a redacted preview), so it may be stored.
 */
import type { Logger } from '../logger.js';
import { exposureKey } from './exposure-key.js';
import type { PublicExposure, PublicExposureSink, WatchStateStore } from './types.js';

const KEY = 'pending-exposures';

function load(state: WatchStateStore): Map<string, PublicExposure> {
  const raw = state.get(KEY);
  if (raw === undefined || raw === '') return new Map();
  return new Map(Object.entries(JSON.parse(raw) as Record<string, PublicExposure>));
}

function save(state: WatchStateStore, pending: Map<string, PublicExposure>): void {
  state.set(KEY, JSON.stringify(Object.fromEntries(pending)));
}

export function pendingExposures(state: WatchStateStore): PublicExposure[] {
  return [...load(state).values()];
}

export function deferExposure(state: WatchStateStore, exposure: PublicExposure): void {
  const pending = load(state);
  pending.set(exposureKey(exposure), exposure);
  save(state, pending);
}

/** Delivers every deferred exposure again; those answered now leave the queue. Returns how many. */
export async function redeliverPending(state: WatchStateStore, sink: PublicExposureSink, log: Logger): Promise<number> {
  let answered = 0;
  for (const [key, exposure] of load(state)) {
    if ((await sink.deliver(exposure)) === 'deferred') continue;
    // Re-read: the delivery may have deferred others meanwhile (a source's own report path).
    const pending = load(state);
    pending.delete(key);
    save(state, pending);
    answered++;
    log.info({ kind: exposure.kind, repository: exposure.repository, url: exposure.url }, 'Deferred public exposure delivered');
  }
  return answered;
}
