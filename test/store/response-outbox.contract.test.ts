// The response outbox's contract, run against every store backend.
import { describe, expect, it } from 'vitest';
import type { MonitorStore } from '../../src/store/types.js';
import { storeBackends } from './contract/backends.js';
import type { StoreBackend } from './contract/backends.js';
import { AT, finding, repository } from './contract/fixtures.js';

const demo = repository('static:demo', 'o@example.test');
const ids = (store: MonitorStore): string[] => store.pendingResponses().map((i) => i.finding.id);

function open(backend: StoreBackend): MonitorStore {
  const store = backend.fresh().monitor();
  store.upsertRepositories([demo]);
  return store;
}

for (const backend of await storeBackends()) {
  describe.skipIf(backend.unavailable !== undefined)(`response outbox contract: ${backend.name}${backend.unavailable ? ` (skipped: ${backend.unavailable})` : ''}`, () => {
    it('queues new findings with their scan, and recording the same scan again queues nothing more', () => {
      const store = open(backend);
      store.recordFindings(demo.id, [finding('f1', ['a.env']), finding('f2', ['b.env'])], AT);
      const pending = store.pendingResponses(demo.id);
      expect(pending.map((i) => i.finding.id)).toEqual(['f1', 'f2']);
      store.completeResponses(pending);
      store.recordFindings(demo.id, [finding('f1', ['a.env']), finding('f2', ['b.env'])], AT);
      expect(ids(store)).toEqual([]);
      store.close();
    });

    it('queues a known finding again when the same secret is found in a new place (same id, one more location)', () => {
      const store = open(backend);
      store.recordFindings(demo.id, [finding('f1', ['a.env'])], AT);
      store.completeResponses(store.pendingResponses());
      const added = store.recordFindings(demo.id, [finding('f1', ['a.env', 'copy/a.env'])], AT);
      expect(added).toEqual([]);
      const [item] = store.pendingResponses();
      expect(item?.finding.locations.map((l) => l.path)).toEqual(['a.env', 'copy/a.env']);
      store.close();
    });

    it('keeps an item queued again while it was being answered: completing the older read removes nothing', () => {
      const store = open(backend);
      store.recordFindings(demo.id, [finding('f1', ['a.env'])], AT);
      const read = store.pendingResponses();
      store.recordFindings(demo.id, [finding('f1', ['a.env', 'b.env'])], AT);
      store.completeResponses(read);
      expect(ids(store)).toEqual(['f1']);
      expect(store.pendingResponses()[0]!.seq).toBeGreaterThan(read[0]!.seq);
      store.completeResponses(store.pendingResponses());
      expect(ids(store)).toEqual([]);
      store.close();
    });

    it('lists one repository only when asked', () => {
      const store = open(backend);
      store.upsertRepositories([{ ...demo, id: 'static:other', name: 'other' }]);
      store.recordFindings(demo.id, [finding('f1', ['a.env'])], AT);
      store.recordFindings('static:other', [finding('f2', ['b.env'])], AT);
      expect(store.pendingResponses('static:other').map((i) => i.finding.id)).toEqual(['f2']);
      expect(ids(store)).toEqual(['f1', 'f2']);
      store.close();
    });
  });
}
