/**
 * Incidents in the embedded SQLite database: one row per incident (mutable fields as columns,
 * the rest as JSON), its secret hashes, locations, an append-only timeline, the actions already
 * started or done (the idempotency keys that survive restarts), scheduled follow-ups, and
 * per-incident leases (one actor at a time).
 */
import type { Database as Db } from 'better-sqlite3';
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
import { INCIDENT_SCHEMA } from './incident-migrations.js';
import { openDatabase } from './open-database.js';

export class SqliteIncidentStore implements IncidentStore {
  private readonly db: Db;

  constructor(file: string) {
    this.db = openDatabase(file);
    this.db.exec(INCIDENT_SCHEMA);
  }

  get(id: string): IncidentRecord | undefined {
    const row = this.db.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as IncidentRow | undefined;
    return row === undefined ? undefined : this.load(row);
  }

  findBySecret(secretSha256: string): IncidentRecord | undefined {
    const id = this.db.prepare('SELECT incident_id FROM incident_secrets WHERE secret_sha256 = ?').pluck().get(secretSha256) as
      | string
      | undefined;
    return id === undefined ? undefined : this.get(id);
  }

  list(filter: IncidentFilter = {}): IncidentRecord[] {
    const rows = this.db.prepare('SELECT * FROM incidents ORDER BY created_at, id').all() as IncidentRow[];
    const wanted = filter.status;
    return rows.filter((r) => wanted === undefined || wanted.includes(r.status)).map((r) => this.load(r));
  }

  create(record: IncidentRecord): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO incidents (id, status, severity, kind, repository, rule_id, rule_family, policy, body,
             created_at, updated_at, acknowledged_at, approved_at, escalated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          record.id,
          record.status,
          record.severity,
          record.kind,
          record.repository.name,
          record.exposure.ruleId,
          record.ruleFamily,
          record.policy,
          incidentBody(record),
          record.createdAt.toISOString(),
          record.updatedAt.toISOString(),
          iso(record.acknowledgedAt),
          iso(record.approvedAt),
          iso(record.escalatedAt),
        );
      for (const sha of record.secretSha256s) this.addSecret(record.id, sha);
      for (const l of record.locations) this.addLocation(record.id, l);
      this.appendTimeline(record.id, record.timeline);
    })();
  }

  update(record: IncidentRecord): void {
    this.db
      .prepare(
        `UPDATE incidents SET status = ?, severity = ?, policy = ?, body = ?, updated_at = ?,
           acknowledged_at = ?, approved_at = ?, escalated_at = ? WHERE id = ?`,
      )
      .run(
        record.status,
        record.severity,
        record.policy,
        incidentBody(record),
        record.updatedAt.toISOString(),
        iso(record.acknowledgedAt),
        iso(record.approvedAt),
        iso(record.escalatedAt),
        record.id,
      );
  }

  addSecret(incidentId: string, secretSha256: string): void {
    this.db.prepare('INSERT OR IGNORE INTO incident_secrets (secret_sha256, incident_id) VALUES (?, ?)').run(secretSha256, incidentId);
  }

  addLocation(incidentId: string, l: StoredLocation): boolean {
    const seq = this.db.prepare('SELECT COUNT(*) FROM incident_locations WHERE incident_id = ?').pluck().get(incidentId) as number;
    const info = this.db
      .prepare(
        `INSERT OR IGNORE INTO incident_locations
           (incident_id, loc_key, seq, repository, commit_id, path, line, blob, public_url, first_seen)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(incidentId, locationKey(l), seq, l.repository, l.commit, l.path, l.line, l.blob, l.publicUrl ?? null, iso(l.firstSeen));
    return info.changes > 0;
  }

  appendTimeline(incidentId: string, entries: TimelineEntry[]): void {
    const insert = this.db.prepare(
      `INSERT INTO incident_timeline (incident_id, at, phase, action, outcome, detail, provider, retryable, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      for (const e of entries) {
        const retryable = e.retryable === undefined ? null : e.retryable ? 1 : 0;
        const data = e.data === undefined ? null : JSON.stringify(e.data);
        insert.run(incidentId, e.at.toISOString(), e.phase, e.action, e.outcome, e.detail, e.provider ?? null, retryable, data);
      }
    })();
  }

  action(incidentId: string, key: string): ActionState | undefined {
    return this.db.prepare('SELECT state, attempts FROM incident_actions WHERE incident_id = ? AND key = ?').get(incidentId, key) as
      | ActionState
      | undefined;
  }

  startAction(incidentId: string, key: string, at: Date): void {
    this.db
      .prepare(
        `INSERT INTO incident_actions (incident_id, key, state, attempts, updated_at) VALUES (?, ?, 'started', 0, ?)
         ON CONFLICT (incident_id, key) DO UPDATE SET state = 'started', updated_at = excluded.updated_at`,
      )
      .run(incidentId, key, at.toISOString());
  }

  recordAction(incidentId: string, key: string, state: 'done' | 'failed', at: Date): ActionState {
    this.db
      .prepare(
        `INSERT INTO incident_actions (incident_id, key, state, attempts, updated_at) VALUES (?, ?, ?, 1, ?)
         ON CONFLICT (incident_id, key) DO UPDATE SET state = excluded.state, attempts = attempts + 1, updated_at = excluded.updated_at`,
      )
      .run(incidentId, key, state, at.toISOString());
    return this.action(incidentId, key)!;
  }

  acquireLease(incidentId: string, holder: string, now: Date, until: Date): boolean {
    // ISO-8601 UTC strings compare in time order, so the expiry test stays in SQL (one statement).
    const info = this.db
      .prepare(
        `INSERT INTO incident_leases (incident_id, holder, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (incident_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
         WHERE incident_leases.holder = excluded.holder OR incident_leases.expires_at <= ?`,
      )
      .run(incidentId, holder, until.toISOString(), now.toISOString());
    return info.changes > 0;
  }

  releaseLease(incidentId: string, holder: string): void {
    this.db.prepare('DELETE FROM incident_leases WHERE incident_id = ? AND holder = ?').run(incidentId, holder);
  }

  listLeases(): IncidentLease[] {
    const rows = this.db.prepare('SELECT incident_id, holder, expires_at FROM incident_leases ORDER BY incident_id').all() as Array<{
      incident_id: string;
      holder: string;
      expires_at: string;
    }>;
    return rows.map((r) => ({ incidentId: r.incident_id, holder: r.holder, expiresAt: new Date(r.expires_at) }));
  }

  addFollowUps(incidentId: string, followUps: FollowUp[]): void {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO incident_follow_ups (incident_id, provider, step, not_before, target) VALUES (?, ?, ?, ?, ?)`,
    );
    for (const f of followUps) insert.run(incidentId, f.provider, f.step, f.notBefore.toISOString(), JSON.stringify(f.target));
  }

  dueFollowUps(now: Date): StoredFollowUp[] {
    return this.followUpRows(
      this.db.prepare('SELECT * FROM incident_follow_ups WHERE done_at IS NULL AND not_before <= ? ORDER BY not_before, id').all(now.toISOString()),
    );
  }

  pendingFollowUps(incidentId: string): StoredFollowUp[] {
    return this.followUpRows(
      this.db.prepare('SELECT * FROM incident_follow_ups WHERE done_at IS NULL AND incident_id = ? ORDER BY not_before, id').all(incidentId),
    );
  }

  private followUpRows(all: unknown[]): StoredFollowUp[] {
    return (all as FollowUpRow[]).map(toFollowUp);
  }

  completeFollowUp(id: number, at: Date): void {
    this.db.prepare('UPDATE incident_follow_ups SET done_at = ? WHERE id = ?').run(at.toISOString(), id);
  }

  close(): void {
    this.db.close();
  }

  private load(row: IncidentRow): IncidentRecord {
    const locations = (this.db.prepare('SELECT * FROM incident_locations WHERE incident_id = ? ORDER BY seq').all(row.id) as LocationRow[]).map(toLocation);
    const timeline = (this.db.prepare('SELECT * FROM incident_timeline WHERE incident_id = ? ORDER BY id').all(row.id) as TimelineRow[]).map(toTimelineEntry);
    const secretSha256s = this.db
      .prepare('SELECT secret_sha256 FROM incident_secrets WHERE incident_id = ? ORDER BY rowid')
      .pluck()
      .all(row.id) as string[];
    return toIncidentRecord(row, locations, timeline, secretSha256s);
  }
}
