/**
 * Incidents in PostgreSQL, shared by every replica: the same tables and contract as
 * SqliteIncidentStore. One secret belongs to one incident (incident_secrets' primary key), so two
 * replicas opening an incident for the same secret at once end with one: the second `create`
 * fails on the key and its finding stays in the outbox, to join the first on the next pass.
 * Actions are keyed per incident and leases are one row per incident, as in SQLite.
 */
import type {
  ActionState,
  IncidentFilter,
  IncidentLease,
  IncidentRecord,
  IncidentStore,
  StoredFollowUp,
  StoredLocation,
} from '../../respond/incident-store.js';
import type { FollowUp, TimelineEntry } from '../../domain/incident.js';
import { incidentBody, iso, locationKey, toFollowUp, toIncidentRecord, toLocation, toTimelineEntry } from '../incident-rows.js';
import type { FollowUpRow, IncidentRow, LocationRow, TimelineRow } from '../incident-rows.js';
import type { PgConnection } from './pg-connection.js';
import type { PgTarget } from './pg-connection.js';
import { openMigratedConnection } from './pg-migrations.js';
import type { PgStatement } from './pg-sync-worker.js';

export class PgIncidentStore implements IncidentStore {
  private readonly conn: PgConnection;

  constructor(target: PgTarget) {
    this.conn = openMigratedConnection(target);
  }

  get(id: string): IncidentRecord | undefined {
    const row = this.conn.one<IncidentRow>('SELECT * FROM incidents WHERE id = $1', [id]);
    return row === undefined ? undefined : this.load(row);
  }

  findBySecret(secretSha256: string): IncidentRecord | undefined {
    const row = this.conn.one<IncidentRow>('SELECT i.* FROM incidents i JOIN incident_secrets s ON s.incident_id = i.id WHERE s.secret_sha256 = $1', [secretSha256]);
    return row === undefined ? undefined : this.load(row);
  }

  list(filter: IncidentFilter = {}): IncidentRecord[] {
    const rows = this.conn.query<IncidentRow>('SELECT * FROM incidents ORDER BY created_at, id COLLATE "C"').rows;
    const wanted = filter.status;
    return rows.filter((r) => wanted === undefined || wanted.includes(r.status)).map((r) => this.load(r));
  }

  create(record: IncidentRecord): void {
    this.conn.transaction(() => {
      this.conn.batch([
        {
          sql: `INSERT INTO incidents (id, status, severity, kind, repository, rule_id, rule_family, policy, body,
                  created_at, updated_at, acknowledged_at, approved_at, escalated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
          params: [
            record.id, record.status, record.severity, record.kind, record.repository.name, record.exposure.ruleId, record.ruleFamily,
            record.policy, incidentBody(record), record.createdAt.toISOString(), record.updatedAt.toISOString(),
            iso(record.acknowledgedAt), iso(record.approvedAt), iso(record.escalatedAt),
          ],
        },
        // Not ON CONFLICT DO NOTHING: a secret another incident holds must fail this one whole.
        ...record.secretSha256s.map((sha) => ({ sql: 'INSERT INTO incident_secrets (secret_sha256, incident_id) VALUES ($1, $2)', params: [sha, record.id] })),
        ...record.locations.map((l) => this.locationStatement(record.id, l)),
        ...this.timelineStatements(record.id, record.timeline),
      ]);
    });
  }

  update(record: IncidentRecord): void {
    this.conn.query(
      `UPDATE incidents SET status = $1, severity = $2, policy = $3, body = $4, updated_at = $5,
         acknowledged_at = $6, approved_at = $7, escalated_at = $8 WHERE id = $9`,
      [record.status, record.severity, record.policy, incidentBody(record), record.updatedAt.toISOString(),
        iso(record.acknowledgedAt), iso(record.approvedAt), iso(record.escalatedAt), record.id],
    );
  }

  addSecret(incidentId: string, secretSha256: string): void {
    this.conn.query('INSERT INTO incident_secrets (secret_sha256, incident_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [secretSha256, incidentId]);
  }

  addLocation(incidentId: string, l: StoredLocation): boolean {
    const s = this.locationStatement(incidentId, l);
    return this.conn.query(s.sql, s.params).rowCount > 0;
  }

  appendTimeline(incidentId: string, entries: TimelineEntry[]): void {
    this.conn.transaction(() => this.conn.batch(this.timelineStatements(incidentId, entries)));
  }

  action(incidentId: string, key: string): ActionState | undefined {
    return this.conn.one<ActionState>('SELECT state, attempts FROM incident_actions WHERE incident_id = $1 AND key = $2', [incidentId, key]);
  }

  startAction(incidentId: string, key: string, at: Date): void {
    this.conn.query(
      `INSERT INTO incident_actions (incident_id, key, state, attempts, updated_at) VALUES ($1, $2, 'started', 0, $3)
       ON CONFLICT (incident_id, key) DO UPDATE SET state = 'started', updated_at = excluded.updated_at`,
      [incidentId, key, at.toISOString()],
    );
  }

  recordAction(incidentId: string, key: string, state: 'done' | 'failed', at: Date): ActionState {
    return this.conn.one<ActionState>(
      `INSERT INTO incident_actions (incident_id, key, state, attempts, updated_at) VALUES ($1, $2, $3, 1, $4)
       ON CONFLICT (incident_id, key) DO UPDATE SET state = excluded.state, attempts = incident_actions.attempts + 1, updated_at = excluded.updated_at
       RETURNING state, attempts`,
      [incidentId, key, state, at.toISOString()],
    )!;
  }

  acquireLease(incidentId: string, holder: string, now: Date, until: Date): boolean {
    // One statement: the row lock makes two replicas' attempts on a free lease one winner.
    return (
      this.conn.query(
        `INSERT INTO incident_leases (incident_id, holder, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (incident_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
         WHERE incident_leases.holder = excluded.holder OR incident_leases.expires_at <= $4`,
        [incidentId, holder, until.toISOString(), now.toISOString()],
      ).rowCount > 0
    );
  }

  releaseLease(incidentId: string, holder: string): void {
    this.conn.query('DELETE FROM incident_leases WHERE incident_id = $1 AND holder = $2', [incidentId, holder]);
  }

  listLeases(): IncidentLease[] {
    const { rows } = this.conn.query<{ incident_id: string; holder: string; expires_at: string }>(
      'SELECT incident_id, holder, expires_at FROM incident_leases ORDER BY incident_id COLLATE "C"',
    );
    return rows.map((r) => ({ incidentId: r.incident_id, holder: r.holder, expiresAt: new Date(r.expires_at) }));
  }

  addFollowUps(incidentId: string, followUps: FollowUp[]): void {
    this.conn.batch(
      followUps.map((f) => ({
        sql: 'INSERT INTO incident_follow_ups (incident_id, provider, step, not_before, target) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        params: [incidentId, f.provider, f.step, f.notBefore.toISOString(), JSON.stringify(f.target)],
      })),
    );
  }

  dueFollowUps(now: Date): StoredFollowUp[] {
    return this.followUpRows('SELECT * FROM incident_follow_ups WHERE done_at IS NULL AND not_before <= $1 ORDER BY not_before, id', [now.toISOString()]);
  }

  pendingFollowUps(incidentId: string): StoredFollowUp[] {
    return this.followUpRows('SELECT * FROM incident_follow_ups WHERE done_at IS NULL AND incident_id = $1 ORDER BY not_before, id', [incidentId]);
  }

  private followUpRows(sql: string, params: unknown[]): StoredFollowUp[] {
    return this.conn.query<FollowUpRow>(sql, params).rows.map(toFollowUp);
  }

  completeFollowUp(id: number, at: Date): void {
    this.conn.query('UPDATE incident_follow_ups SET done_at = $1 WHERE id = $2', [at.toISOString(), id]);
  }

  close(): void {
    this.conn.close();
  }

  private locationStatement(incidentId: string, l: StoredLocation): PgStatement {
    return {
      sql: `INSERT INTO incident_locations (incident_id, loc_key, repository, commit_id, path, line, blob, public_url, first_seen)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      params: [incidentId, locationKey(l), l.repository, l.commit, l.path, l.line, l.blob, l.publicUrl ?? null, iso(l.firstSeen)],
    };
  }

  private timelineStatements(incidentId: string, entries: TimelineEntry[]): PgStatement[] {
    return entries.map((e) => ({
      sql: `INSERT INTO incident_timeline (incident_id, at, phase, action, outcome, detail, provider, retryable, data)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      params: [incidentId, e.at.toISOString(), e.phase, e.action, e.outcome, e.detail, e.provider ?? null, e.retryable ?? null, e.data === undefined ? null : JSON.stringify(e.data)],
    }));
  }

  private load(row: IncidentRow): IncidentRecord {
    const [locations, timeline, secrets] = this.conn.batch([
      { sql: 'SELECT * FROM incident_locations WHERE incident_id = $1 ORDER BY seq', params: [row.id] },
      { sql: 'SELECT * FROM incident_timeline WHERE incident_id = $1 ORDER BY id', params: [row.id] },
      { sql: 'SELECT secret_sha256 FROM incident_secrets WHERE incident_id = $1 ORDER BY ord', params: [row.id] },
    ]);
    return toIncidentRecord(
      row,
      (locations!.rows as unknown as LocationRow[]).map(toLocation),
      (timeline!.rows as unknown as TimelineRow[]).map(toTimelineEntry),
      secrets!.rows.map((r) => r['secret_sha256'] as string),
    );
  }
}
