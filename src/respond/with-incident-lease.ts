/**
 * One actor per incident at a time: the post-scan response, the escalation pass, follow-ups and
 * the public watch each take the incident's lease before they read it and act, and re-read it
 * under the lease, so no action is checked "not done" by two actors at once and no stale copy is
 * written back over a newer status. A lease expires (a killed holder's lapses) and is renewed
 * before every action (run-once.ts), so a slow holder keeps it while a dead one loses it.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { EngineDeps } from './engine-deps.js';
import type { IncidentStore } from './incident-store.js';
import { isProcessAlive } from '../util/is-process-alive.js';

/** Long enough for one action with the SDK's own retries; renewed before each action. */
export const LEASE_MS = 5 * 60_000;

/** This process: host, pid, and a nonce that tells it from an earlier process with the same pid. */
const PROCESS_ACTOR = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
let taken = 0;

/** The lease an engine call holds; runOnce renews it before each action. */
export interface HeldLease {
  incidentId: string;
  holder: string;
}

export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
  constructor(incidentId: string) {
    super(`lease on incident ${incidentId} was lost`);
  }
}

/**
 * Runs `run` holding the incident's lease (the incident need not exist yet: opening takes it
 * too). `held: false` when another actor holds it; that actor, or the next pass, does the work.
 */
export async function withIncidentLease<T>(
  deps: EngineDeps,
  incidentId: string,
  run: (leased: EngineDeps) => Promise<T>,
): Promise<{ held: true; value: T } | { held: false }> {
  // Each call is its own holder: two passes of this process must not share one lease.
  const holder = `${PROCESS_ACTOR}:${(taken += 1)}`;
  const now = deps.now();
  if (!deps.store.acquireLease(incidentId, holder, now, new Date(now.getTime() + LEASE_MS))) {
    deps.log.debug({ incident: incidentId }, 'Incident is being handled by another actor; skipped');
    return { held: false };
  }
  try {
    return { held: true, value: await run({ ...deps, lease: { incidentId, holder } }) };
  } finally {
    deps.store.releaseLease(incidentId, holder);
  }
}

/** Extends the held lease before an action; throws when it lapsed and another actor took it. */
export function renewLease(deps: EngineDeps, incidentId: string): void {
  const lease = deps.lease;
  if (lease === undefined || lease.incidentId !== incidentId) return;
  const now = deps.now();
  if (!deps.store.acquireLease(incidentId, lease.holder, now, new Date(now.getTime() + LEASE_MS))) throw new LeaseLostError(incidentId);
}

/**
 * At start: leases left by an earlier process on this host (killed, or the same pid in a
 * restarted container) are released now instead of at expiry, so its incidents go on at once.
 * Leases of live processes and of other hosts are left to expire.
 */
export function releaseDeadLeases(store: IncidentStore): string[] {
  const [host, pid, nonce] = PROCESS_ACTOR.split(':');
  const released: string[] = [];
  for (const lease of store.listLeases()) {
    const [h, p, n] = lease.holder.split(':');
    if (h !== host || n === nonce) continue;
    if (p === pid || !isProcessAlive(Number(p))) {
      store.releaseLease(lease.incidentId, lease.holder);
      released.push(lease.incidentId);
    }
  }
  return released;
}
