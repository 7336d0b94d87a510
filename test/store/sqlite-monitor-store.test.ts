import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Repository } from '../../src/domain/repository.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { SqliteMonitorStore } from '../../src/store/sqlite/sqlite-monitor-store.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';

afterAll(() => removeTempDirs());

function repository(id: string, email?: string): Repository {
  return {
    id,
    name: id.split(':').at(-1)!,
    cloneUrl: `https://example.test/${id}.git`,
    source: 'static-file',
    owner: email === undefined ? {} : { email },
    escalationContacts: [],
    classification: 'internal',
    tags: {},
    ownerMissing: email === undefined,
  };
}

// The rest of the store's behaviour is the backend contract: test/store/*.contract.test.ts.
describe('SqliteMonitorStore', () => {
  it('upgrades a database written with the scan-state schema only, keeping its scan state', () => {
    const file = join(tempDir(), 'state.db');
    const old = new Database(file);
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO scan_targets (key, ruleset_hash, updated_at) VALUES ('git:/x', 'h', 'now')").run();
    old.close();

    const store = new SqliteMonitorStore(file);
    expect(store.openTarget('git:/x', 'h').id).toBe(1);
    store.upsertRepositories([repository('static:demo', 'o@example.test')]);
    expect(store.listRepositories().map((r) => r.id)).toEqual(['static:demo']);
    store.close();
  });
});
