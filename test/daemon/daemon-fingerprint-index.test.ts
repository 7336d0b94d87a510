import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { createPlaybook } from '../../src/daemon/create-playbook.js';
import type { Playbook } from '../../src/daemon/create-playbook.js';
import { openDaemonFingerprintIndex } from '../../src/daemon/daemon-fingerprint-index.js';
import { startDaemon } from '../../src/daemon/start-daemon.js';
import type { Daemon } from '../../src/daemon/start-daemon.js';
import type { Repository } from '../../src/domain/repository.js';
import { openMonitorStore } from '../../src/store/open-store.js';
import { openDatabase } from '../../src/store/sqlite/open-database.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { ruleset } from '../helpers/incident-fixture.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import type { MemoryLogger } from '../helpers/memory-logger.js';

const NEVER = '0 0 1 1 *';
const ID = 'static:billing';

interface Running {
  daemon: Daemon;
  playbook: Playbook;
  logs: MemoryLogger;
  dbFile: string;
  repository: () => Repository;
}

let running: Running | undefined;

/** A bare "origin" and a work tree that pushes to it, as developers do. */
function makeOrigin(): { origin: TestRepo; work: TestRepo; push: (message: string, files: Record<string, string>) => void } {
  const origin = TestRepo.create({ bare: true });
  const work = TestRepo.create();
  work.git('remote', 'add', 'origin', origin.dir);
  const push = (message: string, files: Record<string, string>): void => {
    work.commit(message, files);
    work.git('push', '-q', 'origin', 'main');
  };
  return { origin, work, push };
}

/** The daemon as `leakwatch daemon` wires it (store, playbook hooks), with every schedule off. */
async function startWithPlaybook(originDir: string, beforeStart?: (dbFile: string) => void): Promise<Running> {
  const root = tempDir();
  writeFileSync(join(root, 'inventory.yaml'), `repositories:\n  - url: ${originDir}\n    name: billing\n`);
  const config = parseConfig(
    {
      dataDir: join(root, 'data'),
      inventory: { staticFile: join(root, 'inventory.yaml') },
      mirror: { retries: 0 },
      schedule: { inventoryRefresh: NEVER, mirrorScan: NEVER, watch: NEVER, escalation: NEVER },
      watch: { sources: [] },
      http: { host: '127.0.0.1', port: 0 },
    },
    {},
    'test',
  );
  const logs = createMemoryLogger('debug');
  const dataDir = config.dataDir;
  const store = openMonitorStore({ dataDir });
  const playbook = await createPlaybook({ config, log: logs.log, dataDir, store, ruleset: ruleset() });
  const dbFile = join(dataDir, 'state.db');
  beforeStart?.(dbFile);
  const daemon = await startDaemon({ config, log: logs.log, cwd: root, ruleset: ruleset(), hooks: playbook.hooks, openStore: () => store });
  running = { daemon, playbook, logs, dbFile, repository: () => store.getRepository(ID)!.repository };
  return running;
}

/** What the database itself holds (a connection of its own, as `leakwatch match` reads it). */
function storedBlob(dbFile: string, path: string): string | undefined {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare<[string, string], string>('SELECT blob_id FROM fingerprint_files WHERE repo = ? AND path = ?').pluck().get('billing', path);
  } finally {
    db.close();
  }
}

function jobLines(logs: MemoryLogger): Array<Record<string, unknown>> {
  return logs.lines().filter((l) => l['msg'] === 'Repository job finished');
}

afterEach(async () => {
  if (running) {
    await running.daemon.stop(5000);
    running.playbook.close();
  }
  running = undefined;
});
afterAll(() => removeTempDirs());

describe('daemon fingerprint index after each fetch', () => {
  it('holds a pushed blob as soon as the job has fetched it, before any watch cycle, and the next cycle reads nothing again', async () => {
    const { origin, work, push } = makeOrigin();
    push('add code', { 'src/ledger.js': 'export function post(entry) { return entry.amount * 2; }\n', 'src/fees.js': 'export const fee = 0.02;\n' });
    const { daemon, playbook, logs, dbFile, repository } = await startWithPlaybook(origin.dir);
    await daemon.queue.idle();
    expect(storedBlob(dbFile, 'src/ledger.js')).toBe(work.git('rev-parse', 'HEAD:src/ledger.js').trim());
    expect(jobLines(logs)[0]).toMatchObject({ mirror: 'cloned', index: { outcome: 'ok', added: 2, unchanged: 0 } });

    push('change fees', { 'src/fees.js': 'export const fee = 0.03;\n' });
    daemon.queue.enqueue(ID, 'event:referenceUpdated');
    await daemon.queue.idle();
    const pushed = work.git('rev-parse', 'HEAD:src/fees.js').trim();
    expect(storedBlob(dbFile, 'src/fees.js')).toBe(pushed);
    expect(jobLines(logs)[1]).toMatchObject({ mirror: 'fetched', index: { outcome: 'ok', added: 1, unchanged: 1, removed: 0 } });
    expect(logs.lines().some((l) => l['msg'] === 'Fingerprint index updated')).toBe(false);

    await playbook.hooks.watch({ store: daemon.store, log: logs.log, inventory: () => [repository()] });
    const catchUp = logs.lines().filter((l) => l['msg'] === 'Fingerprint index updated');
    expect(catchUp).toEqual([expect.objectContaining({ repository: ID, added: 0, unchanged: 2, removed: 0 })]);
  }, 60_000);

  it('keeps a job ok when the index cannot be written: the failure is logged as a warning and counted, and the next watch cycle catches up', async () => {
    const { origin, work, push } = makeOrigin();
    push('add code', { 'src/ledger.js': 'export function post(entry) { return entry.amount * 2; }\n' });
    const { daemon, playbook, logs, dbFile, repository } = await startWithPlaybook(origin.dir, (file) => {
      const db = openDatabase(file);
      db.exec("CREATE TRIGGER refuse_index BEFORE INSERT ON fingerprint_files BEGIN SELECT RAISE(ABORT, 'index write refused'); END");
      db.close();
    });
    await daemon.queue.idle();

    expect(jobLines(logs)).toEqual([expect.objectContaining({ outcome: 'ok', repository: ID, index: { outcome: 'error' } })]);
    expect(jobLines(logs)[0]!['scannedObjects']).toBeGreaterThan(0);
    const warning = logs.lines().find((l) => l['msg'] === 'Fingerprint index update failed');
    expect(warning).toMatchObject({ level: 40, repository: ID, err: expect.stringMatching(/index write refused/) });
    expect(daemon.store.getRepository(ID)).toMatchObject({ lastMirrorOk: true });
    const metrics = await daemon.metrics.registry.metrics();
    expect(metrics).toContain('leakwatch_errors_total{kind="index"} 1');
    expect(metrics).toContain('leakwatch_scans_total{outcome="ok"} 1');
    expect(storedBlob(dbFile, 'src/ledger.js')).toBeUndefined();

    const db = new Database(dbFile);
    db.exec('DROP TRIGGER refuse_index');
    db.close();
    await playbook.hooks.watch({ store: daemon.store, log: logs.log, inventory: () => [repository()] });
    expect(storedBlob(dbFile, 'src/ledger.js')).toBe(work.git('rev-parse', 'HEAD:src/ledger.js').trim());
  }, 60_000);

  it('indexes an empty repository as having no files, without a warning', async () => {
    const { origin } = makeOrigin();
    const { daemon, logs } = await startWithPlaybook(origin.dir);
    await daemon.queue.idle();
    expect(logs.lines().some((l) => l['msg'] === 'Fingerprint index update failed')).toBe(false);
    expect(jobLines(logs)).toEqual([expect.objectContaining({ outcome: 'ok', index: { outcome: 'ok', added: 0, unchanged: 0, removed: 0, skipped: 0 } })]);
  }, 60_000);
});

describe('openDaemonFingerprintIndex', () => {
  it('runs two updates of one repository one after the other, so the second reads nothing the first indexed', async () => {
    const { origin, push } = makeOrigin();
    push('add code', { 'a.js': 'export const a = 1;\n', 'b.js': 'export const b = 2;\n' });
    const db = openDatabase(join(tempDir(), 'state.db'));
    try {
      const fingerprints = openDaemonFingerprintIndex({ db, dataDir: tempDir(), log: createMemoryLogger().log });
      const repository = { id: 'static:billing', name: 'billing' } as Repository;
      const [first, second] = await Promise.all([fingerprints.updateRepository(repository, origin.dir), fingerprints.updateRepository(repository, origin.dir)]);
      expect(first).toMatchObject({ added: 2, unchanged: 0 });
      expect(second).toMatchObject({ added: 0, unchanged: 2 });
    } finally {
      db.close();
    }
  });
});
