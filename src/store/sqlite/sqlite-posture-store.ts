/** The posture store in SQLite, on the daemon's database (see posture-migrations.ts). */
import type { Database as Db } from 'better-sqlite3';
import { planPostureRun } from '../../posture/plan-posture-run.js';
import type { PostureAlert, PostureStore } from '../../posture/posture-store.js';
import type { PostureResult, PostureStatus } from '../../posture/types.js';
import { POSTURE_SCHEMA } from './posture-migrations.js';

export class SqlitePostureStore implements PostureStore {
  constructor(private readonly db: Db) {
    db.exec(POSTURE_SCHEMA);
  }

  recordPostureRun(results: readonly PostureResult[], at: Date, channels: readonly string[], recipientOf: (r: PostureResult) => string | undefined): PostureAlert[] {
    const when = at.toISOString();
    const previous = this.db.prepare<[string, string, string], { status: PostureStatus }>('SELECT status FROM posture_results WHERE check_id = ? AND region = ? AND resource = ?');
    const ranBefore = this.db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM posture_checks WHERE check_id = ? AND region = ?');
    const upsert = this.db.prepare(
      `INSERT INTO posture_results (check_id, region, resource, status, data, checked_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(check_id, region, resource) DO UPDATE SET status = excluded.status, data = excluded.data, checked_at = excluded.checked_at`,
    );
    const alert = this.db.prepare('INSERT OR IGNORE INTO posture_alerts (alert_key, channel, data, created_at) VALUES (?, ?, ?, ?)');
    return this.db.transaction(() => {
      const plan = planPostureRun(results, at, channels, recipientOf, {
        status: (id, region, resource) => previous.get(id, region, resource)?.status,
        hasRun: (id, region) => ranBefore.get(id, region) !== undefined,
      });
      for (const a of plan.alerts) alert.run(a.key, a.channel, JSON.stringify({ result: a.result, recipient: a.recipient ?? null }), when);
      for (const r of plan.verdicts) upsert.run(r.id, r.region, r.resource, r.status, JSON.stringify(r), when);
      for (const { id, region, keep } of plan.settled) {
        this.db.prepare(`DELETE FROM posture_results WHERE check_id = ? AND region = ? AND resource NOT IN (${keep.map(() => '?').join(', ')})`).run(id, region, ...keep);
        this.db.prepare('INSERT OR IGNORE INTO posture_checks (check_id, region, first_run_at) VALUES (?, ?, ?)').run(id, region, when);
      }
      this.db.prepare('INSERT INTO posture_runs (run_at, results, failing) VALUES (?, ?, ?)').run(when, results.length, results.filter((r) => r.status === 'fail').length);
      return plan.alerts;
    })();
  }

  pendingPostureAlerts(): PostureAlert[] {
    const rows = this.db.prepare<[], { alert_key: string; channel: string; data: string }>('SELECT alert_key, channel, data FROM posture_alerts ORDER BY created_at, alert_key, channel').all();
    return rows.map((row) => {
      const { result, recipient } = JSON.parse(row.data) as { result: PostureResult; recipient: string | null };
      return { key: row.alert_key, channel: row.channel, result, recipient: recipient ?? undefined };
    });
  }

  completePostureAlert(alert: Pick<PostureAlert, 'key' | 'channel'>): void {
    this.db.prepare('DELETE FROM posture_alerts WHERE alert_key = ? AND channel = ?').run(alert.key, alert.channel);
  }

  postureFailureCounts(): Map<string, number> {
    const rows = this.db.prepare<[], { check_id: string; n: number }>("SELECT check_id, SUM(status = 'fail') AS n FROM posture_results GROUP BY check_id").all();
    return new Map(rows.map((r) => [r.check_id, r.n]));
  }

  listPostureResults(): PostureResult[] {
    return this.db.prepare<[], { data: string }>('SELECT data FROM posture_results ORDER BY check_id, region, resource').all().map((r) => JSON.parse(r.data) as PostureResult);
  }

  lastPostureRunAt(): string | null {
    return this.db.prepare<[], { at: string | null }>('SELECT max(run_at) AS at FROM posture_runs').get()?.at ?? null;
  }

  close(): void {
    // The database handle belongs to whoever opened it (the daemon shares it with the watch).
  }
}
