import { afterAll, describe, expect, it } from 'vitest';
import { drainOutbox } from '../../src/daemon/drain-outbox.js';
import { SqliteMonitorStore } from '../../src/store/sqlite/sqlite-monitor-store.js';
import { removeTempDirs } from '../helpers/git-repo.js';
import { makeEngine, makeFixture, scanFindings } from '../helpers/incident-fixture.js';
import { pemPrivateKey } from '../helpers/tokens.js';
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

  it('opens incidents for high and medium findings only: low ones are recorded and answered without one', async () => {
    const f = await makeFixture({});
    // A test's generated key and a test password (a word and digits) in a fixture: low confidence.
    const password = ['let', 'me', 'in', '2024'].join('');
    f.repo.commit('tests', { 'test/fixtures/server.key': `${pemPrivateKey()}\n`, 'test/fixtures/db.yml': `password: "${password}"\n` });
    const store = new SqliteMonitorStore(f.dbFile);
    store.upsertRepositories([f.repository]);
    const findings = await scanFindings(f);
    const low = findings.filter((x) => x.confidence === 'low');
    expect(low.map((x) => x.path).sort()).toEqual(['test/fixtures/db.yml', 'test/fixtures/server.key']);
    expect(findings.filter((x) => x.ruleId === 'aws-secret-access-key').map((x) => x.confidence)).toEqual(['high']);
    store.recordFindings(f.repository.id, findings, NOW);
    const engine = makeEngine(f, null, () => NOW);
    const logs = createMemoryLogger();
    const ctx = { store, engine: () => engine.deps, dataDir: f.dataDir, log: logs.log };

    expect(await drainOutbox(ctx)).toEqual({ answered: findings.length, left: 0 });
    const incidents = engine.store.list();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.secretSha256s).not.toEqual(expect.arrayContaining(low.map((x) => x.secretSha256)));
    // Kept for the owner: still among the repository's recorded findings, with their level.
    const stored = store.listFindings(f.repository.id).map((s) => s.finding);
    expect(stored.filter((x) => x.confidence === 'low').map((x) => x.id).sort()).toEqual(low.map((x) => x.id).sort());
    expect(engine.logs.lines().some((l) => l.msg === 'Low-confidence findings recorded without an incident' && l.findings === 2)).toBe(true);
    expect(store.pendingResponses()).toEqual([]);
    engine.store.close();
    store.close();
  });
});
