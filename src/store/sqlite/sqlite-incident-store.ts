/**
 * Incidents in the embedded SQLite database: one row per incident (mutable fields as columns,
 * the rest as JSON), its secret hashes, locations, an append-only timeline, the actions already
 * started or done (the idempotency keys that survive restarts), scheduled follow-ups, and
 * per-incident leases (one actor at a time).
 */
import type { Database as Db } from 'better-sqlite3';
import type { ResponsePolicy } from '../../config/config-types.js';
import type {
  ActionState,
  Determination,
  IncidentFilter,
  IncidentLease,
  IncidentRecord,
  IncidentStore,
  StoredFollowUp,
  StoredLocation,
} from '../../respond/incident-store.js';
import type {
  FollowUp,
  Incident,
  IncidentKind,
  IncidentStatus,
  PlaybookPhase,
  Severity,
  TimelineEntry,
} from '../../domain/incident.js';
import { INCIDENT_SCHEMA } from './incident-migrations.js';
import { openDatabase } from './open-database.js';

interface IncidentRow {
  id: string;
  status: IncidentStatus;
  severity: Severity;
  kind: IncidentKind;
  rule_family: string;
  policy: ResponsePolicy;
  body: string;
  created_at: string;
  updated_at: string;
  acknowledged_at: string | null;
  approved_at: string | null;
  escalated_at: string | null;
}

/** The JSON part of a row: what is read whole and never queried. */
interface Body {
  repository: Incident['repository'];
  exposure: Omit<Incident['exposure'], 'firstSeen' | 'otherLocations'> & { firstSeen: string };
  severityReasons: string[];
  remainingSteps: string[];
  determination: Determination;
}

interface LocationRow {
  repository: string;
  commit_id: string | null;
  path: string | null;
  line: number | null;
  blob: string | null;
  public_url: string | null;
  first_seen: string | null;
}

interface TimelineRow {
  at: string;
  phase: PlaybookPhase;
  action: string;
  outcome: TimelineEntry['outcome'];
  detail: string;
  provider: string | null;
  retryable: number | null;
  data: string | null;
}

const date = (value: string | null): Date | null => (value === null ? null : new Date(value));
const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

function locationKey(l: StoredLocation): string {
  return JSON.stringify([l.repository, l.commit, l.path, l.line, l.publicUrl ?? null]);
}

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
          JSON.stringify(this.body(record)),
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
        JSON.stringify(this.body(record)),
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
    const rows = all as { id: number; incident_id: string; provider: string; not_before: string; target: string }[];
    return rows.map((r) => ({
      id: r.id,
      incidentId: r.incident_id,
      provider: r.provider,
      step: 'eradicate',
      notBefore: new Date(r.not_before),
      target: JSON.parse(r.target) as Record<string, string>,
    }));
  }

  completeFollowUp(id: number, at: Date): void {
    this.db.prepare('UPDATE incident_follow_ups SET done_at = ? WHERE id = ?').run(at.toISOString(), id);
  }

  close(): void {
    this.db.close();
  }

  private body(record: IncidentRecord): Body {
    // Other locations live in their own table; the body keeps the first exposure only.
    const exposure: Body['exposure'] = { ...record.exposure, firstSeen: record.exposure.firstSeen.toISOString() };
    delete (exposure as { otherLocations?: unknown }).otherLocations;
    return {
      repository: record.repository,
      exposure,
      severityReasons: record.severityReasons,
      remainingSteps: record.remainingSteps,
      determination: record.determination,
    };
  }

  private load(row: IncidentRow): IncidentRecord {
    const body = JSON.parse(row.body) as Body;
    const locations = (
      this.db.prepare('SELECT * FROM incident_locations WHERE incident_id = ? ORDER BY seq').all(row.id) as LocationRow[]
    ).map((l): StoredLocation => {
      const loc: StoredLocation = {
        repository: l.repository,
        commit: l.commit_id,
        path: l.path,
        line: l.line,
        blob: l.blob,
        firstSeen: date(l.first_seen),
      };
      if (l.public_url !== null) loc.publicUrl = l.public_url;
      return loc;
    });
    const timeline = (
      this.db.prepare('SELECT * FROM incident_timeline WHERE incident_id = ? ORDER BY id').all(row.id) as TimelineRow[]
    ).map((t): TimelineEntry => {
      const e: TimelineEntry = { at: new Date(t.at), phase: t.phase, action: t.action, outcome: t.outcome, detail: t.detail };
      if (t.provider !== null) e.provider = t.provider;
      if (t.retryable !== null) e.retryable = t.retryable === 1;
      if (t.data !== null) e.data = JSON.parse(t.data) as TimelineEntry['data'] & object;
      return e;
    });
    const secretSha256s = this.db
      .prepare('SELECT secret_sha256 FROM incident_secrets WHERE incident_id = ? ORDER BY rowid')
      .pluck()
      .all(row.id) as string[];
    const others = locations.slice(1).map((l) => {
      const o: NonNullable<Incident['exposure']['otherLocations']>[number] = {
        repository: l.repository,
        commit: l.commit,
        path: l.path,
        line: l.line,
      };
      if (l.publicUrl !== undefined) o.publicUrl = l.publicUrl;
      return o;
    });
    const exposure: Incident['exposure'] = { ...body.exposure, firstSeen: new Date(body.exposure.firstSeen) };
    if (others.length > 0) exposure.otherLocations = others;
    return {
      id: row.id,
      kind: row.kind,
      severity: row.severity,
      severityReasons: body.severityReasons,
      status: row.status,
      repository: body.repository,
      exposure,
      timeline,
      remainingSteps: body.remainingSteps,
      ruleFamily: row.rule_family,
      policy: row.policy,
      secretSha256s,
      locations,
      determination: body.determination,
      createdAt: new Date(row.created_at),
      updatedAt: new Date(row.updated_at),
      acknowledgedAt: date(row.acknowledged_at),
      approvedAt: date(row.approved_at),
      escalatedAt: date(row.escalated_at),
    };
  }
}
