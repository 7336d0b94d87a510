import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDaemonFingerprintIndex } from '../../src/daemon/daemon-fingerprint-index.js';
import { createDaemonWatch } from '../../src/daemon/daemon-watch.js';
import { mirrorDir } from '../../src/daemon/run-repository-job.js';
import { openDatabase } from '../../src/store/sqlite/open-database.js';
import { SqliteMonitorStore } from '../../src/store/sqlite/sqlite-monitor-store.js';
import { removeTempDirs } from '../helpers/git-repo.js';
import { makeFixture, ruleset } from '../helpers/incident-fixture.js';
import type { Fixture } from '../helpers/incident-fixture.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

let f: Fixture;
let store: SqliteMonitorStore;
let dbs: Db[] = [];

/** One daemon life: the watch hook built on a freshly opened database, as at a start. */
async function startWatch() {
  const db = openDatabase(f.dbFile);
  dbs.push(db);
  const logs = createMemoryLogger();
  const config = { ...f.config, watch: { ...f.config.watch, sources: [] } };
  const fingerprints = openDaemonFingerprintIndex({ db, dataDir: f.dataDir, log: logs.log });
  const hook = await createDaemonWatch({ config, log: logs.log, ruleset: ruleset(), db, fingerprints, sink: { deliver: async () => undefined } });
  const updates = () => logs.lines().filter((l) => l['msg'] === 'Fingerprint index updated');
  return { db, logs, hook, updates };
}

function fetchMirror(): void {
  f.repo.git('--git-dir', mirrorDir(f.dataDir, f.repository.id), 'fetch', '-q', f.repo.dir, '+refs/heads/*:refs/heads/*');
}

beforeEach(async () => {
  f = await makeFixture({});
  f.repo.commit('add code', { 'src/a.js': 'export const a = 1;\n', 'src/b.js': 'export const b = 2;\n' });
  const dir = mirrorDir(f.dataDir, f.repository.id);
  mkdirSync(dirname(dir), { recursive: true });
  f.repo.git('clone', '-q', '--mirror', f.repo.dir, dir);
  store = new SqliteMonitorStore(f.dbFile);
  store.upsertRepositories([f.repository]);
});
afterEach(() => {
  for (const db of dbs) db.close();
  dbs = [];
  store.close();
});
afterAll(() => removeTempDirs());

describe('daemon fingerprint index', () => {
  it('is kept in the database: after a restart no unchanged file is read again, and after a fetch only the changed blob is', async () => {
    const first = await startWatch();
    await first.hook({ store, log: first.logs.log });
    const [initial] = first.updates();
    expect(initial).toMatchObject({ repository: f.repository.id, unchanged: 0, removed: 0 });
    const files = initial!['added'] as number;
    expect(files).toBeGreaterThanOrEqual(4);
    dbs.shift()!.close();

    const second = await startWatch();
    expect(second.logs.lines().find((l) => l['msg'] === 'Fingerprint index loaded')).toMatchObject({ files });
    await second.hook({ store, log: second.logs.log });
    expect(second.updates()).toEqual([expect.objectContaining({ added: 0, unchanged: files, removed: 0 })]);

    f.repo.commit('change a', { 'src/a.js': 'export const a = 3;\n' });
    fetchMirror();
    await second.hook({ store, log: second.logs.log });
    expect(second.updates()[1]).toMatchObject({ added: 1, unchanged: files - 1, removed: 0 });
  });

  it('keeps the index up to date even when no public source is configured', async () => {
    const daemon = await startWatch();
    await daemon.hook({ store, log: daemon.logs.log });
    expect(daemon.logs.lines().some((l) => l['msg'] === 'Public watch not configured (no usable source); skipping')).toBe(true);
    expect(daemon.db.prepare('SELECT count(*) FROM fingerprint_files').pluck().get()).toBeGreaterThan(0);
  });

  it('drops the entries of a repository removed from the inventory', async () => {
    const daemon = await startWatch();
    await daemon.hook({ store, log: daemon.logs.log, inventory: () => [f.repository] });
    const count = daemon.db.prepare('SELECT count(*) FROM fingerprint_files WHERE repo = ?').pluck();
    expect(count.get(f.repository.name)).toBeGreaterThan(0);

    await daemon.hook({ store, log: daemon.logs.log, inventory: () => [] });
    expect(count.get(f.repository.name)).toBe(0);
    expect(daemon.logs.lines().find((l) => l['msg'] === 'Fingerprint index entries of a removed repository dropped')).toMatchObject({ repository: f.repository.name });
    dbs.shift()!.close();

    const restarted = await startWatch();
    expect(restarted.logs.lines().find((l) => l['msg'] === 'Fingerprint index loaded')).toMatchObject({ files: 0 });
  });
});
