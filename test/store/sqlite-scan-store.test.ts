import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { SqliteScanStore } from '../../src/store/sqlite/sqlite-scan-store.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

const save = (store: SqliteScanStore, targetId: number, scanned: string[]): void =>
  store.saveScan(targetId, { scanned, results: [], introductions: [], storeFingerprint: 'fp', optionsKey: '{}', gaps: '{}' });

describe('scan state: scanned objects', () => {
  it('remembers every scanned id across scans and reopening, SHA-1 and SHA-256 alike', () => {
    const file = join(tempDir(), 'state.db');
    const first = Array.from({ length: 3000 }, () => randomBytes(20).toString('hex'));
    const second = [...Array.from({ length: 10 }, () => randomBytes(20).toString('hex')), randomBytes(32).toString('hex')];
    let store = new SqliteScanStore(file);
    const target = store.openTarget('t', 'rules-1');
    save(store, target.id, first);
    save(store, target.id, second);
    store = new SqliteScanStore(file);
    expect(store.scannedCount(target.id)).toBe(3011);
    expect(store.scannedObjects(target.id)).toEqual(new Set([...first, ...second]));
  });

  it('forgets them when the ruleset changes', () => {
    const store = new SqliteScanStore(join(tempDir(), 'state.db'));
    const target = store.openTarget('t', 'rules-1');
    save(store, target.id, [randomBytes(20).toString('hex')]);
    const again = store.openTarget('t', 'rules-2');
    expect(store.scannedCount(again.id)).toBe(0);
    expect(again.storeFingerprint).toBeNull();
  });

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

describe('scan state: match confidence', () => {
  it("keeps a match's own level, and reads a match without one (an older state's) without one", () => {
    const store = new SqliteScanStore(join(tempDir(), 'state.db'));
    const target = store.openTarget('t', 'rules-1');
    const match = { ruleId: 'r', secretSha256: 's'.repeat(64), redacted: 'x…y', line: 1, endLine: 1, column: 1 };
    const results = [
      { oid: 'aa', type: 'blob' as const, matches: [{ ...match, confidence: 'low' as const }, { ...match, line: 2, endLine: 2 }] },
    ];
    store.saveScan(target.id, { scanned: ['aa'], results, introductions: [], storeFingerprint: 'fp', optionsKey: '{}', gaps: '{}' });
    expect(store.loadResults(target.id).results).toEqual(results);
  });
});
