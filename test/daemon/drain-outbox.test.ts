import { afterAll, describe, expect, it } from 'vitest';
import { drainOutbox } from '../../src/daemon/drain-outbox.js';
import { SqliteMonitorStore } from '../../src/store/sqlite/sqlite-monitor-store.js';
import { removeTempDirs } from '../helpers/git-repo.js';
import { makeEngine, makeFixture, scanFindings } from '../helpers/incident-fixture.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

afterAll(() => removeTempDirs());
const NOW = new Date('2026-11-28T12:00:00.000Z');

describe('drainOutbox', () => {
  it('keeps the findings whose response failed queued, and answers them on the next pass with one incident', async () => {
    const f = await makeFixture({});
    const store = new SqliteMonitorStore(f.dbFile);
    store.upsertRepositories([f.repository]);
    store.recordFindings(f.repository.id, await scanFindings(f), NOW);
    const queued = store.pendingResponses().length;
    const engine = makeEngine(f, null, () => NOW);
    const logs = createMemoryLogger();
    const create = engine.store.create.bind(engine.store);
    engine.store.create = () => {
      throw new Error('disk full (test)');
    };
    const ctx = { store, engine: () => engine.deps, dataDir: f.dataDir, log: logs.log };

    expect(await drainOutbox(ctx)).toEqual({ answered: queued - 2, left: 2 });
    expect(engine.store.list()).toHaveLength(0);
    engine.store.create = create;
    expect(await drainOutbox(ctx)).toEqual({ answered: 2, left: 0 });
    expect(await drainOutbox(ctx)).toEqual({ answered: 0, left: 0 });
    expect(engine.store.list()).toHaveLength(1);
    expect(store.pendingResponses()).toEqual([]);
    engine.store.close();
    store.close();
  });
});
