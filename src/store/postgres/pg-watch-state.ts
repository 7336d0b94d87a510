/**
 * The public watch's state in PostgreSQL (cursors, ETags, ids already handled), shared by the
 * replicas: the watch cycle runs on whichever replica the cluster schedule picks, and must go on
 * from where the last one, on any replica, stopped.
 */
import type { WatchStateStore } from '../../watch/types.js';
import type { PgConnection } from './pg-connection.js';
import type { PgTarget } from './pg-connection.js';
import { openMigratedConnection } from './pg-migrations.js';

export class PgWatchState implements WatchStateStore {
  private readonly conn: PgConnection;

  constructor(target: PgTarget) {
    this.conn = openMigratedConnection(target);
  }

  get(key: string): string | undefined {
    return this.conn.one<{ value: string | null }>('SELECT value FROM watch_state WHERE key = $1', [key])?.value ?? undefined;
  }

  set(key: string, value: string): void {
    this.conn.query(
      'INSERT INTO watch_state (key, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      [key, value, new Date().toISOString()],
    );
  }

  hasSeen(scope: string, id: string): boolean {
    return this.conn.one('SELECT 1 FROM watch_seen WHERE scope = $1 AND id = $2', [scope, id]) !== undefined;
  }

  markSeen(scope: string, id: string): void {
    this.conn.query('INSERT INTO watch_seen (scope, id, seen_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [scope, id, new Date().toISOString()]);
  }

  pruneSeen(before: Date): number {
    return this.conn.query('DELETE FROM watch_seen WHERE seen_at < $1', [before.toISOString()]).rowCount;
  }

  close(): void {
    this.conn.close();
  }
}
