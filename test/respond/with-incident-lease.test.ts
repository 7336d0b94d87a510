import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineDeps } from '../../src/respond/engine-deps.js';
import { LEASE_MS, LeaseLostError, releaseDeadLeases, renewLease, withIncidentLease } from '../../src/respond/with-incident-lease.js';
import { SqliteIncidentStore } from '../../src/store/sqlite/sqlite-incident-store.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

afterAll(() => removeTempDirs());
const T0 = new Date('2026-11-28T12:00:00.000Z');
const later = (ms: number): Date => new Date(T0.getTime() + ms);

function deps(store: SqliteIncidentStore, now: () => Date): EngineDeps {
  return { store, now, log: createMemoryLogger().log } as unknown as EngineDeps;
}

describe('incident leases', () => {
  it('lets one holder in at a time, lets another in once the lease expired, and renews only its own', () => {
    const store = new SqliteIncidentStore(join(tempDir(), 'state.db'));
    expect(store.acquireLease('inc-1', 'a', T0, later(1000))).toBe(true);
    expect(store.acquireLease('inc-1', 'b', later(999), later(2000))).toBe(false);
    expect(store.acquireLease('inc-1', 'a', later(999), later(3000))).toBe(true);
    expect(store.acquireLease('inc-1', 'b', later(2999), later(4000))).toBe(false);
    expect(store.acquireLease('inc-1', 'b', later(3000), later(4000))).toBe(true);
    expect(store.acquireLease('inc-2', 'a', T0, later(1000))).toBe(true);
    store.releaseLease('inc-1', 'a');
    expect(store.listLeases().map((l) => [l.incidentId, l.holder])).toEqual([['inc-1', 'b'], ['inc-2', 'a']]);
    store.close();
  });

  it('skips an incident another call holds, even in the same process, and releases the lease when done or failed', async () => {
    const store = new SqliteIncidentStore(join(tempDir(), 'state.db'));
    const d = deps(store, () => T0);
    const inner: boolean[] = [];
    const outer = await withIncidentLease(d, 'inc-1', async () => {
      inner.push((await withIncidentLease(d, 'inc-1', () => Promise.resolve(true))).held);
      return 'done';
    });
    expect(outer).toEqual({ held: true, value: 'done' });
    expect(inner).toEqual([false]);
    await expect(withIncidentLease(d, 'inc-1', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(store.listLeases()).toEqual([]);
    store.close();
  });

  it('renewing a lease that lapsed and was taken by another actor throws, so the action is not run twice', async () => {
    const store = new SqliteIncidentStore(join(tempDir(), 'state.db'));
    let now = T0;
    const d = deps(store, () => now);
    await expect(
      withIncidentLease(d, 'inc-1', (leased) => {
        now = later(LEASE_MS + 1);
        expect(store.acquireLease('inc-1', 'other', now, later(2 * LEASE_MS))).toBe(true);
        renewLease(leased, 'inc-1');
        return Promise.resolve();
      }),
    ).rejects.toBeInstanceOf(LeaseLostError);
    store.close();
  });

  it('at start releases the leases of a dead process on this host, keeps those of live processes and other hosts', () => {
    const store = new SqliteIncidentStore(join(tempDir(), 'state.db'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const host = hostname();
    store.acquireLease('inc-dead', `${host}:${dead}:aaaa1111:1`, T0, later(LEASE_MS));
    store.acquireLease('inc-live', `${host}:${process.ppid}:bbbb2222:1`, T0, later(LEASE_MS));
    store.acquireLease('inc-away', `elsewhere:${dead}:cccc3333:1`, T0, later(LEASE_MS));
    // Same pid as ours but another nonce: an earlier process (a restarted container's pid 1).
    store.acquireLease('inc-reused', `${host}:${process.pid}:dddd4444:1`, T0, later(LEASE_MS));
    expect(releaseDeadLeases(store).sort()).toEqual(['inc-dead', 'inc-reused']);
    expect(store.listLeases().map((l) => l.incidentId)).toEqual(['inc-away', 'inc-live']);
    store.close();
  });
});
