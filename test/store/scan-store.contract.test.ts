// The scan-state contract, run against every store backend (SQLite, and PostgreSQL when it answers).
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ObjectResult } from '../../src/domain/finding.js';
import type { ScanStore } from '../../src/store/types.js';
import { storeBackends } from './contract/backends.js';

const save = (store: ScanStore, targetId: number, scanned: string[], within?: () => void): void =>
  store.saveScan(targetId, { scanned, results: [], introductions: [], storeFingerprint: 'fp', optionsKey: '{}', gaps: '{}' }, within);

for (const backend of await storeBackends()) {
  describe.skipIf(backend.unavailable !== undefined)(`scan store contract: ${backend.name}${backend.unavailable ? ` (skipped: ${backend.unavailable})` : ''}`, () => {
    it('remembers every scanned id across scans and reopening, SHA-1 and SHA-256 alike', () => {
      const at = backend.fresh();
      const first = Array.from({ length: 3000 }, () => randomBytes(20).toString('hex'));
      const second = [...Array.from({ length: 10 }, () => randomBytes(20).toString('hex')), randomBytes(32).toString('hex')];
      let store = at.monitor();
      const target = store.openTarget('t', 'rules-1');
      save(store, target.id, first);
      save(store, target.id, second);
      store.close();
      store = at.monitor();
      expect(store.openTarget('t', 'rules-1')).toMatchObject({ id: target.id, storeFingerprint: 'fp', optionsKey: '{}', gaps: '{}' });
      expect(store.scannedCount(target.id)).toBe(3011);
      expect(store.scannedObjects(target.id)).toEqual(new Set([...first, ...second]));
      store.close();
    });

    it('forgets them when the ruleset changes', () => {
      const store = backend.fresh().monitor();
      const target = store.openTarget('t', 'rules-1');
      save(store, target.id, [randomBytes(20).toString('hex')]);
      const again = store.openTarget('t', 'rules-2');
      expect(again.id).toBe(target.id);
      expect(store.scannedCount(again.id)).toBe(0);
      expect(again.storeFingerprint).toBeNull();
      store.close();
    });

    it("keeps matches with their own confidence level and their introductions, in the order saved", () => {
      const store = backend.fresh().monitor();
      const target = store.openTarget('t', 'rules-1');
      const match = { ruleId: 'r', secretSha256: 's'.repeat(64), redacted: 'x…y', line: 1, endLine: 1, column: 1 };
      const results: ObjectResult[] = [
        { oid: 'aa', type: 'blob' as const, path: 'a.env', matches: [{ ...match, confidence: 'low' as const }, { ...match, line: 2, endLine: 2, yieldsTo: ['q'] }] },
        { oid: 'bb', type: 'commit' as const, meta: { commit: 'c'.repeat(40), time: 1_700_000_000, author: 'A', email: 'a@example.test' }, matches: [{ ...match, related: { ruleId: 'k', secretSha256: 't'.repeat(64), redacted: 'k…y' } }] },
      ];
      const introductions = [{ oid: 'aa', commit: 'c'.repeat(40), path: 'a.env', time: 1_700_000_000, author: 'A', email: 'a@example.test' }];
      store.saveScan(target.id, { scanned: ['aa', 'bb'], results, introductions: [...introductions, ...introductions], storeFingerprint: 'fp', optionsKey: '{}', gaps: '{}' });
      expect(store.loadResults(target.id)).toEqual({ results, introductions });
      store.close();
    });

    it('commits what `within` writes with the scan, and neither when `within` throws', () => {
      const store = backend.fresh().monitor();
      store.upsertRepositories([]);
      const target = store.openTarget('t', 'rules-1');
      const oid = randomBytes(20).toString('hex');
      expect(() =>
        save(store, target.id, [oid], () => {
          store.setWatchState('inside', { value: 'x', etag: null, cursor: null });
          throw new Error('findings could not be recorded');
        }),
      ).toThrow('findings could not be recorded');
      expect(store.scannedCount(target.id)).toBe(0);
      expect(store.getWatchState('inside')).toBeNull();
      save(store, target.id, [oid], () => store.setWatchState('inside', { value: 'y', etag: null, cursor: null }));
      expect(store.scannedCount(target.id)).toBe(1);
      expect(store.getWatchState('inside')?.value).toBe('y');
      store.close();
    });
  });
}
