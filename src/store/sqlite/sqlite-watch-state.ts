/**
 * The watch state in SQLite. It creates its own tables if missing (`CREATE TABLE IF NOT EXISTS`,
 * as the store's migration does for `watch_state`), so it works on the daemon's database file
 * and on a standalone `leakwatch watch --state` file alike.
 */
import type { Database as Db } from 'better-sqlite3';
import type { WatchStateStore } from '../../watch/types.js';

export class SqliteWatchState implements WatchStateStore {
  private readonly getStmt;
  private readonly setStmt;
  private readonly hasSeenStmt;
  private readonly markSeenStmt;

  constructor(private readonly db: Db) {
    // The same shape as the daemon store's watch_state (its etag and cursor columns stay unused
    // here: ETags and cursors are plain values under their own keys), whichever creates it.
    db.exec(`CREATE TABLE IF NOT EXISTS watch_state (
               key TEXT PRIMARY KEY,
               value TEXT,
               etag TEXT,
               cursor TEXT,
               updated_at TEXT NOT NULL
             ) WITHOUT ROWID;
             CREATE TABLE IF NOT EXISTS watch_seen (
               scope TEXT NOT NULL,
               id TEXT NOT NULL,
               seen_at TEXT NOT NULL,
               PRIMARY KEY (scope, id)
             ) WITHOUT ROWID;`);
    this.getStmt = db.prepare<[string], { value: string | null }>('SELECT value FROM watch_state WHERE key = ?');
    this.setStmt = db.prepare(
      'INSERT INTO watch_state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
    this.hasSeenStmt = db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM watch_seen WHERE scope = ? AND id = ?');
    this.markSeenStmt = db.prepare('INSERT OR IGNORE INTO watch_seen (scope, id, seen_at) VALUES (?, ?, ?)');
  }

  get(key: string): string | undefined {
    return this.getStmt.get(key)?.value ?? undefined;
  }

  set(key: string, value: string): void {
    this.setStmt.run(key, value, new Date().toISOString());
  }

  hasSeen(scope: string, id: string): boolean {
    return this.hasSeenStmt.get(scope, id) !== undefined;
  }

  markSeen(scope: string, id: string): void {
    this.markSeenStmt.run(scope, id, new Date().toISOString());
  }

  /** Forgets seen ids older than `before`, so the table does not grow without bound. */
  pruneSeen(before: Date): number {
    return this.db.prepare('DELETE FROM watch_seen WHERE seen_at < ?').run(before.toISOString()).changes;
  }
}
