import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
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

  it('prunes seen ids older than a date', () => {
    const state = new SqliteWatchState(new Database(':memory:'));
    state.markSeen('candidates', 'old');
    expect(state.pruneSeen(new Date(Date.now() + 60_000))).toBe(1);
    expect(state.hasSeen('candidates', 'old')).toBe(false);
  });
});
