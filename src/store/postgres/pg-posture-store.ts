/**
 * The posture store in PostgreSQL, shared by the replicas of a scaled-out daemon: the same tables
 * and contract as SqlitePostureStore. The posture schedule fires on one replica at a time, but
 * a run is still recorded under a lock, so two runs never both see one turn to fail. An alert
 * being sent is claimed for a few minutes: a replica delivering owed alerts at its start does not
 * send one that the replica running the checks is sending; one whose sender died is taken again
 * once the claim runs out.
 */
import { planPostureRun } from '../../posture/plan-posture-run.js';
import type { PostureAlert, PostureStore } from '../../posture/posture-store.js';
import type { PostureResult, PostureStatus } from '../../posture/types.js';
import type { PgConnection } from './pg-connection.js';
import type { PgTarget } from './pg-connection.js';
import { openMigratedConnection } from './pg-migrations.js';
import type { PgStatement } from './pg-sync-worker.js';

/** How long an alert handed out to send is kept from other replicas. */
const CLAIM_MS = 5 * 60_000;

interface AlertRow {
  alert_key: string;
  channel: string;
  data: string;
  created_at: string;
}

export class PgPostureStore implements PostureStore {
  private readonly conn: PgConnection;

  constructor(target: PgTarget) {
    this.conn = openMigratedConnection(target);
  }

  recordPostureRun(results: readonly PostureResult[], at: Date, channels: readonly string[], recipientOf: (r: PostureResult) => string | undefined): PostureAlert[] {
    const when = at.toISOString();
    return this.conn.transaction(() => {
      this.conn.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':leakwatch-posture'))");
      const ids = [...new Set(results.map((r) => r.id))];
      const [verdicts, checks] = this.conn.batch([
        { sql: 'SELECT check_id, region, resource, status FROM posture_results WHERE check_id = ANY($1)', params: [ids] },
        { sql: 'SELECT check_id, region FROM posture_checks WHERE check_id = ANY($1)', params: [ids] },
      ]);
      const key = (...parts: string[]): string => parts.join('\u0000');
      const before = new Map((verdicts!.rows as Array<{ check_id: string; region: string; resource: string; status: PostureStatus }>).map((r) => [key(r.check_id, r.region, r.resource), r.status]));
      const ran = new Set((checks!.rows as Array<{ check_id: string; region: string }>).map((r) => key(r.check_id, r.region)));
      const plan = planPostureRun(results, at, channels, recipientOf, {
        status: (id, region, resource) => before.get(key(id, region, resource)),
        hasRun: (id, region) => ran.has(key(id, region)),
      });
      const writes: PgStatement[] = [];
      for (const a of plan.alerts) {
        writes.push({
          sql: 'INSERT INTO posture_alerts (alert_key, channel, data, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
          params: [a.key, a.channel, JSON.stringify({ result: a.result, recipient: a.recipient ?? null }), when],
        });
      }
      for (const r of plan.verdicts) {
        writes.push({
          sql: `INSERT INTO posture_results (check_id, region, resource, status, data, checked_at) VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (check_id, region, resource) DO UPDATE SET status = excluded.status, data = excluded.data, checked_at = excluded.checked_at`,
          params: [r.id, r.region, r.resource, r.status, JSON.stringify(r), when],
        });
      }
      for (const { id, region, keep } of plan.settled) {
        writes.push({ sql: 'DELETE FROM posture_results WHERE check_id = $1 AND region = $2 AND NOT (resource = ANY($3))', params: [id, region, keep] });
        writes.push({ sql: 'INSERT INTO posture_checks (check_id, region, first_run_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', params: [id, region, when] });
      }
      writes.push({ sql: 'INSERT INTO posture_runs (run_at, results, failing) VALUES ($1, $2, $3)', params: [when, results.length, results.filter((r) => r.status === 'fail').length] });
      this.conn.batch(writes);
      return plan.alerts;
    });
  }

  pendingPostureAlerts(): PostureAlert[] {
    const now = Date.now();
    const { rows } = this.conn.query<AlertRow>(
      'UPDATE posture_alerts SET claimed_until = $2 WHERE claimed_until IS NULL OR claimed_until <= $1 RETURNING alert_key, channel, data, created_at',
      [new Date(now).toISOString(), new Date(now + CLAIM_MS).toISOString()],
    );
    const order = (r: AlertRow): string => `${r.created_at}\u0000${r.alert_key}\u0000${r.channel}`;
    return rows
      .sort((x, y) => (order(x) < order(y) ? -1 : order(x) > order(y) ? 1 : 0))
      .map((row) => {
        const { result, recipient } = JSON.parse(row.data) as { result: PostureResult; recipient: string | null };
        return { key: row.alert_key, channel: row.channel, result, recipient: recipient ?? undefined };
      });
  }

  completePostureAlert(alert: Pick<PostureAlert, 'key' | 'channel'>): void {
    this.conn.query('DELETE FROM posture_alerts WHERE alert_key = $1 AND channel = $2', [alert.key, alert.channel]);
  }

  postureFailureCounts(): Map<string, number> {
    const { rows } = this.conn.query<{ check_id: string; n: number }>("SELECT check_id, count(*) FILTER (WHERE status = 'fail') AS n FROM posture_results GROUP BY check_id");
    return new Map(rows.map((r) => [r.check_id, r.n]));
  }

  listPostureResults(): PostureResult[] {
    return this.conn
      .query<{ data: string }>('SELECT data FROM posture_results ORDER BY check_id COLLATE "C", region COLLATE "C", resource COLLATE "C"')
      .rows.map((r) => JSON.parse(r.data) as PostureResult);
  }

  lastPostureRunAt(): string | null {
    return this.conn.one<{ at: string | null }>('SELECT max(run_at) AS at FROM posture_runs')?.at ?? null;
  }

  close(): void {
    this.conn.close();
  }
}
