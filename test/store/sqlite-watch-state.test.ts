import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/sqlite/open-database.js';
import { SqliteMonitorStore } from '../../src/store/sqlite/sqlite-monitor-store.js';
import { SqliteWatchState } from '../../src/store/sqlite/sqlite-watch-state.js';
import { tempDir } from '../fingerprint/git-fixture.js';

describe('SqliteWatchState', () => {
  it('keeps values and seen ids across a reopen of the database file', () => {
    const file = join(tempDir('watch-state'), 'state.db');
    const db = new Database(file);
    const state = new SqliteWatchState(db);
    state.set('github-events:etag', '"abc"');
    state.set('github-events:etag', '"def"');
    state.markSeen('candidates', 'a/b:x.js@1');
    state.markSeen('candidates', 'a/b:x.js@1');
    db.close();

    const reopened = new SqliteWatchState(new Database(file));
    expect(reopened.get('github-events:etag')).toBe('"def"');
    expect(reopened.get('missing')).toBeUndefined();
    expect(reopened.hasSeen('candidates', 'a/b:x.js@1')).toBe(true);
    expect(reopened.hasSeen('exposures', 'a/b:x.js@1')).toBe(false);
  });

  it('shares a database whose watch_state table the daemon store created first', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE watch_state (key TEXT PRIMARY KEY, value TEXT, etag TEXT, cursor TEXT, updated_at TEXT NOT NULL) WITHOUT ROWID');
    db.prepare("INSERT INTO watch_state (key, value, etag, cursor, updated_at) VALUES ('daemon:x', NULL, 'e', 'c', 'now')").run();
    const state = new SqliteWatchState(db);
    state.set('github-gists:since', '2026-11-28T10:00:00Z');
    expect(state.get('github-gists:since')).toBe('2026-11-28T10:00:00Z');
    expect(state.get('daemon:x')).toBeUndefined();
  });

  it('opens on the daemon database in either order (the migration and the watch state both create watch_state if missing), with the same columns', () => {
    const dir = tempDir('watch-state-order');
    const first = join(dir, 'watch-first.db');
    const watchFirst = new Database(first);
    new SqliteWatchState(watchFirst).set('k', 'v');
    watchFirst.close();
    const store = new SqliteMonitorStore(first);
    store.setWatchState('cursor', { value: null, etag: 'e', cursor: 'c' });
    expect(store.getWatchState('cursor')).toMatchObject({ etag: 'e', cursor: 'c' });
    store.close();

    const db = openDatabase(join(dir, 'migration-first.db'));
    const state = new SqliteWatchState(db);
    state.set('k', 'v');
    expect(state.get('k')).toBe('v');
    const columns = (file: Database.Database) => file.prepare('PRAGMA table_info(watch_state)').all().map((c) => (c as { name: string }).name);
    const again = new Database(first);
    expect(columns(db)).toEqual(columns(again));
    expect(columns(db)).toEqual(['key', 'value', 'etag', 'cursor', 'updated_at']);
    again.close();
    db.close();
  });

  it('prunes seen ids older than a date', () => {
    const state = new SqliteWatchState(new Database(':memory:'));
    state.markSeen('candidates', 'old');
    expect(state.pruneSeen(new Date(Date.now() + 60_000))).toBe(1);
    expect(state.hasSeen('candidates', 'old')).toBe(false);
  });
});
