// The daemon store's contract (inventory, findings, watch cursors, SNS ids), run against every backend.
import { describe, expect, it } from 'vitest';
import { storeBackends } from './contract/backends.js';
import { finding, repository } from './contract/fixtures.js';

for (const backend of await storeBackends()) {
  describe.skipIf(backend.unavailable !== undefined)(`monitor store contract: ${backend.name}${backend.unavailable ? ` (skipped: ${backend.unavailable})` : ''}`, () => {
    it('keeps mirror history across inventory refreshes and remembers the last successful mirror', () => {
      const store = backend.fresh().monitor();
      store.upsertRepositories([repository('static:demo')]);
      store.recordMirror('static:demo', { ok: true, at: new Date('2026-01-01T00:00:00Z') });
      store.recordMirror('static:demo', { ok: false, error: 'cannot fetch', at: new Date('2026-01-02T00:00:00Z') });
      store.upsertRepositories([repository('static:demo', 'new@example.test'), repository('static:b-other')]);

      const stored = store.getRepository('static:demo')!;
      expect(stored.ownerEmail).toBe('new@example.test');
      expect(stored.lastMirrorOk).toBe(false);
      expect(stored.lastMirrorError).toBe('cannot fetch');
      expect(stored.lastMirrorOkAt).toBe('2026-01-01T00:00:00.000Z');
      expect(store.getRepository('static:b-other')?.lastMirrorOk).toBeNull();
      expect(store.getRepository('static:none')).toBeNull();
      expect(store.listRepositories().map((r) => r.id)).toEqual(['static:b-other', 'static:demo']);
      store.close();
    });

    it('never keeps the credentials of a clone URL', () => {
      const store = backend.fresh().monitor();
      store.upsertRepositories([{ ...repository('static:demo'), cloneUrl: 'https://user:pw-secret@example.test/demo.git' }]);
      const stored = store.getRepository('static:demo')!;
      expect(JSON.stringify(stored)).not.toContain('pw-secret');
      store.close();
    });

    it('records a finding once: a repeated scan result updates last seen and reports nothing new', () => {
      const store = backend.fresh().monitor();
      const first = store.recordFindings('static:demo', [finding('f1')], new Date('2026-01-01T00:00:00Z'));
      const again = store.recordFindings('static:demo', [finding('f1'), finding('f2')], new Date('2026-01-02T00:00:00Z'));

      expect(first.map((f) => f.finding.id)).toEqual(['f1']);
      expect(again.map((f) => f.finding.id)).toEqual(['f2']);
      const all = store.listFindings('static:demo');
      expect(all.map((f) => f.finding.id)).toEqual(['f1', 'f2']);
      expect(all[0]).toMatchObject({ status: 'open', firstSeen: '2026-01-01T00:00:00.000Z', lastSeen: '2026-01-02T00:00:00.000Z' });
      expect(all[0]!.finding).toEqual(finding('f1'));
      expect(store.listFindings('static:other')).toEqual([]);
      expect(store.countOpenFindings()).toEqual({ critical: 2 });
      store.close();
    });

    it('stores watch state with its ETag and cursor', () => {
      const store = backend.fresh().monitor();
      expect(store.getWatchState('github:events')).toBeNull();
      store.setWatchState('github:events', { value: null, etag: 'W/"1"', cursor: '42' });
      store.setWatchState('github:events', { value: 'x', etag: 'W/"2"', cursor: '43' });
      expect(store.getWatchState('github:events')).toMatchObject({ value: 'x', etag: 'W/"2"', cursor: '43' });
      store.close();
    });

    it('claims an SNS message id once, forgets released and expired ones', () => {
      const store = backend.fresh().monitor();
      expect(store.claimMessageId('m1', 1000, 0)).toBe(true);
      expect(store.claimMessageId('m1', 1000, 0)).toBe(false);
      store.releaseMessageId('m1');
      expect(store.claimMessageId('m1', 1000, 0)).toBe(true);
      expect(store.claimMessageId('m2', 3000, 2000)).toBe(true);
      expect(store.seenMessageIdCount()).toBe(1);
      store.close();
    });
  });
}
