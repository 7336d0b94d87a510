// The incident store's contract, run against every store backend.
import { describe, expect, it } from 'vitest';
import { storeBackends } from './contract/backends.js';
import { AT, incidentRecord } from './contract/fixtures.js';

for (const backend of await storeBackends()) {
  describe.skipIf(backend.unavailable !== undefined)(`incident store contract: ${backend.name}${backend.unavailable ? ` (skipped: ${backend.unavailable})` : ''}`, () => {
    it('round-trips an incident, finds it by either secret hash, and survives reopening beside the monitor store', () => {
      const at = backend.fresh();
      at.monitor().close();
      const store = at.incidents();
      const r = incidentRecord();
      store.create(r);
      expect(store.addLocation(r.id, { ...r.locations[0]!, repository: 'fork', publicUrl: 'https://example.test/x' })).toBe(true);
      expect(store.addLocation(r.id, r.locations[0]!)).toBe(false);
      store.appendTimeline(r.id, [{ at: AT, phase: 'containment', action: 'notify', outcome: 'ok', detail: 'Sent.' }]);
      store.close();

      const again = at.incidents();
      const loaded = again.findBySecret('b'.repeat(64))!;
      const { otherLocations, ...exposure } = loaded.exposure;
      expect(exposure).toEqual(r.exposure);
      expect(otherLocations).toEqual([{ repository: 'fork', commit: 'c'.repeat(40), path: 'config/settings.py', line: 12, publicUrl: 'https://example.test/x' }]);
      expect(loaded.timeline).toEqual([...r.timeline, { at: AT, phase: 'containment', action: 'notify', outcome: 'ok', detail: 'Sent.' }]);
      expect(loaded.determination).toEqual(r.determination);
      expect(loaded.secretSha256s).toEqual(r.secretSha256s);
      expect(loaded.policy).toBe('approve');
      expect(again.findBySecret('e'.repeat(64))).toBeUndefined();
      expect(again.get(r.id)?.id).toBe(r.id);
      again.close();
    });

    it('saves status changes and lists by status', () => {
      const store = backend.fresh().incidents();
      const r = incidentRecord();
      store.create(r);
      store.create(incidentRecord('inc-fedcba9876543210', ['c'.repeat(64)]));
      store.update({ ...r, status: 'acknowledged', acknowledgedAt: AT, updatedAt: new Date(AT.getTime() + 1) });
      expect(store.get(r.id)).toMatchObject({ status: 'acknowledged', acknowledgedAt: AT });
      expect(store.list({ status: ['acknowledged'] }).map((i) => i.id)).toEqual([r.id]);
      expect(store.list().map((i) => i.id)).toEqual(['inc-0123456789abcdef', 'inc-fedcba9876543210']);
      store.close();
    });

    it('counts failed attempts of an action and remembers it done; schedules a follow-up once', () => {
      const store = backend.fresh().incidents();
      const r = incidentRecord();
      store.create(r);
      expect(store.action(r.id, 'containment.contain')).toBeUndefined();
      store.startAction(r.id, 'containment.contain', AT);
      expect(store.action(r.id, 'containment.contain')).toEqual({ state: 'started', attempts: 0 });
      expect(store.recordAction(r.id, 'containment.contain', 'failed', AT)).toEqual({ state: 'failed', attempts: 1 });
      expect(store.recordAction(r.id, 'containment.contain', 'done', AT)).toEqual({ state: 'done', attempts: 2 });
      const followUp = { provider: 'aws-iam-access-key', step: 'eradicate' as const, notBefore: new Date(AT.getTime() + 1000), target: { userName: 'alice' } };
      store.addFollowUps(r.id, [followUp]);
      store.addFollowUps(r.id, [followUp]);
      expect(store.dueFollowUps(AT)).toEqual([]);
      // Not due yet, but pending: the console shows it as still open.
      expect(store.pendingFollowUps(r.id)).toEqual([{ ...followUp, id: expect.any(Number), incidentId: r.id }]);
      expect(store.pendingFollowUps('another-incident')).toEqual([]);
      const due = store.dueFollowUps(new Date(AT.getTime() + 2000));
      expect(due).toHaveLength(1);
      store.completeFollowUp(due[0]!.id, AT);
      expect(store.dueFollowUps(new Date(AT.getTime() + 2000))).toEqual([]);
      expect(store.pendingFollowUps(r.id)).toEqual([]);
      store.close();
    });

    it('gives a lease to one holder until it expires or is released', () => {
      const store = backend.fresh().incidents();
      const until = new Date(AT.getTime() + 60_000);
      expect(store.acquireLease('inc-1', 'a', AT, until)).toBe(true);
      expect(store.acquireLease('inc-1', 'b', AT, until)).toBe(false);
      expect(store.acquireLease('inc-1', 'a', AT, until)).toBe(true);
      expect(store.acquireLease('inc-1', 'b', until, new Date(until.getTime() + 1))).toBe(true);
      expect(store.listLeases()).toEqual([{ incidentId: 'inc-1', holder: 'b', expiresAt: new Date(until.getTime() + 1) }]);
      store.releaseLease('inc-1', 'a');
      expect(store.listLeases()).toHaveLength(1);
      store.releaseLease('inc-1', 'b');
      expect(store.listLeases()).toEqual([]);
      store.close();
    });
  });
}
