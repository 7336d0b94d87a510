import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { SqliteScanStore } from '../../src/store/sqlite/sqlite-scan-store.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

// The rest of the scan state's behaviour is the backend contract: test/store/scan-store.contract.test.ts.

describe('scan state: scanned objects', () => {
  it('upgrades a state written before ids were packed by scanning everything again', () => {
    const file = join(tempDir(), 'state.db');
    const old = new Database(file);
    old.exec(MIGRATIONS[0]!);
    old.exec(MIGRATIONS[1]!);
    old.pragma('user_version = 2');
    old.prepare("INSERT INTO scan_targets (id, key, ruleset_hash, store_fingerprint, updated_at) VALUES (1, 't', 'rules-1', 'fp', 'now')").run();
    old.prepare("INSERT INTO scanned_objects VALUES (1, 'ab')").run();
    old.prepare("INSERT INTO object_matches (target_id, oid, object_type, rule_id, secret_sha256, redacted, line, end_line, col) VALUES (1, 'ab', 'blob', 'r', 's', 'x', 1, 1, 1)").run();
    old.close();
    const store = new SqliteScanStore(file);
    const target = store.openTarget('t', 'rules-1');
    expect(target.storeFingerprint).toBeNull();
    expect(store.scannedCount(target.id)).toBe(0);
    expect(store.loadResults(target.id).results).toEqual([]);
  });
});
