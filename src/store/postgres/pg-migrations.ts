/**
 * The PostgreSQL schema, in numbered migrations. Every replica runs `migrate` at start; the
 * migrations run in one transaction under an advisory lock, so whichever replica comes first
 * applies them and the others wait, then find nothing left to do. Times are ISO-8601 text, as in
 * the SQLite store, so both backends order and compare them the same way.
 */
import { LeakwatchError } from '../../errors.js';
import { PgConnection } from './pg-connection.js';
import type { PgTarget } from './pg-connection.js';

export const PG_MIGRATIONS: string[] = [
  `CREATE TABLE scan_targets (
     id BIGSERIAL PRIMARY KEY,
     key TEXT NOT NULL UNIQUE,
     ruleset_hash TEXT NOT NULL,
     store_fingerprint TEXT,
     options_key TEXT,
     gaps TEXT,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE scanned_sets (
     target_id BIGINT NOT NULL REFERENCES scan_targets(id) ON DELETE CASCADE,
     width INTEGER NOT NULL,
     oids BYTEA NOT NULL
   );
   CREATE INDEX scanned_sets_target ON scanned_sets(target_id);
   CREATE TABLE object_matches (
     id BIGSERIAL PRIMARY KEY,
     target_id BIGINT NOT NULL REFERENCES scan_targets(id) ON DELETE CASCADE,
     oid TEXT NOT NULL,
     object_type TEXT NOT NULL,
     path TEXT,
     rule_id TEXT NOT NULL,
     secret_sha256 TEXT NOT NULL,
     redacted TEXT NOT NULL,
     line INTEGER NOT NULL,
     end_line INTEGER NOT NULL,
     col INTEGER NOT NULL,
     related TEXT,
     meta TEXT,
     yields_to TEXT,
     confidence TEXT
   );
   CREATE INDEX object_matches_target ON object_matches(target_id, oid);
   CREATE TABLE introductions (
     target_id BIGINT NOT NULL REFERENCES scan_targets(id) ON DELETE CASCADE,
     oid TEXT NOT NULL,
     commit_id TEXT NOT NULL,
     path TEXT NOT NULL,
     time BIGINT NOT NULL,
     author TEXT NOT NULL,
     email TEXT NOT NULL,
     PRIMARY KEY (target_id, oid, commit_id, path)
   );
   CREATE TABLE repositories (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     clone_url TEXT NOT NULL,
     owner_email TEXT,
     team TEXT,
     classification TEXT NOT NULL,
     data TEXT NOT NULL,
     last_mirror_at TEXT,
     last_mirror_ok BOOLEAN,
     last_mirror_error TEXT,
     last_mirror_ok_at TEXT,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE findings (
     repository_id TEXT NOT NULL,
     finding_id TEXT NOT NULL,
     rule_id TEXT NOT NULL,
     severity TEXT NOT NULL,
     secret_sha256 TEXT NOT NULL,
     redacted TEXT NOT NULL,
     status TEXT NOT NULL DEFAULT 'open',
     first_seen TEXT NOT NULL,
     last_seen TEXT NOT NULL,
     data TEXT NOT NULL,
     PRIMARY KEY (repository_id, finding_id)
   );
   CREATE INDEX findings_status ON findings(status, severity);
   CREATE TABLE watch_state (
     key TEXT PRIMARY KEY,
     value TEXT,
     etag TEXT,
     cursor TEXT,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE watch_seen (
     scope TEXT NOT NULL,
     id TEXT NOT NULL,
     seen_at TEXT NOT NULL,
     PRIMARY KEY (scope, id)
   );
   CREATE SEQUENCE response_outbox_seq;
   CREATE TABLE response_outbox (
     repository_id TEXT NOT NULL,
     finding_id TEXT NOT NULL,
     seq BIGINT NOT NULL,
     queued_at TEXT NOT NULL,
     PRIMARY KEY (repository_id, finding_id)
   );
   CREATE INDEX response_outbox_seq_order ON response_outbox(seq);
   CREATE TABLE sns_message_ids (
     message_id TEXT PRIMARY KEY,
     sent_at BIGINT NOT NULL
   );
   CREATE INDEX sns_message_ids_sent_at ON sns_message_ids(sent_at);
   CREATE TABLE repository_leases (
     repository_id TEXT PRIMARY KEY,
     holder TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );
   CREATE TABLE incidents (
     id TEXT PRIMARY KEY,
     status TEXT NOT NULL,
     severity TEXT NOT NULL,
     kind TEXT NOT NULL,
     repository TEXT NOT NULL,
     rule_id TEXT NOT NULL,
     rule_family TEXT NOT NULL,
     policy TEXT NOT NULL,
     body TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     acknowledged_at TEXT,
     approved_at TEXT,
     escalated_at TEXT
   );
   CREATE INDEX incidents_status ON incidents(status, created_at);
   CREATE TABLE incident_secrets (
     secret_sha256 TEXT PRIMARY KEY,
     incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
     ord BIGSERIAL
   );
   CREATE TABLE incident_locations (
     incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
     loc_key TEXT NOT NULL,
     seq BIGSERIAL,
     repository TEXT NOT NULL,
     commit_id TEXT,
     path TEXT,
     line INTEGER,
     blob TEXT,
     public_url TEXT,
     first_seen TEXT,
     PRIMARY KEY (incident_id, loc_key)
   );
   CREATE TABLE incident_timeline (
     id BIGSERIAL PRIMARY KEY,
     incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
     at TEXT NOT NULL,
     phase TEXT NOT NULL,
     action TEXT NOT NULL,
     outcome TEXT NOT NULL,
     detail TEXT NOT NULL,
     provider TEXT,
     retryable BOOLEAN,
     data TEXT
   );
   CREATE INDEX incident_timeline_incident ON incident_timeline(incident_id, id);
   CREATE TABLE incident_actions (
     incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
     key TEXT NOT NULL,
     state TEXT NOT NULL,
     attempts INTEGER NOT NULL,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (incident_id, key)
   );
   CREATE TABLE incident_follow_ups (
     id BIGSERIAL PRIMARY KEY,
     incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
     provider TEXT NOT NULL,
     step TEXT NOT NULL,
     not_before TEXT NOT NULL,
     target TEXT NOT NULL,
     done_at TEXT,
     UNIQUE (incident_id, provider, step, target)
   );
   CREATE TABLE incident_leases (
     incident_id TEXT PRIMARY KEY,
     holder TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );`,
  // 2: the fingerprint index of every repository's default branch (pg-fingerprint-index.ts), as in
  // SQLite: a file's fingerprints are one bytea (hashes, start lines, end lines as little-endian
  // Uint32s); `changed_at` lets a replica see that another one changed the index.
  `CREATE TABLE fingerprint_files (
     id BIGSERIAL PRIMARY KEY,
     repo TEXT NOT NULL,
     path TEXT NOT NULL,
     blob_id TEXT NOT NULL,
     token_count INTEGER NOT NULL,
     line_count INTEGER NOT NULL,
     k INTEGER NOT NULL,
     w INTEGER NOT NULL,
     scheme INTEGER NOT NULL,
     fingerprints BYTEA NOT NULL,
     canaries TEXT[] NOT NULL DEFAULT '{}',
     UNIQUE (repo, path)
   );
   CREATE SEQUENCE fingerprint_changes;`,
  // 3: the posture results, baselines and owed alerts (pg-posture-store.ts), as in SQLite; an
  // alert taken by a replica to send carries `claimed_until`, so no other replica sends it too.
  `CREATE TABLE posture_results (
     check_id TEXT NOT NULL,
     region TEXT NOT NULL,
     resource TEXT NOT NULL,
     status TEXT NOT NULL,
     data TEXT NOT NULL,
     checked_at TEXT NOT NULL,
     PRIMARY KEY (check_id, region, resource)
   );
   CREATE TABLE posture_checks (
     check_id TEXT NOT NULL,
     region TEXT NOT NULL,
     first_run_at TEXT NOT NULL,
     PRIMARY KEY (check_id, region)
   );
   CREATE TABLE posture_alerts (
     alert_key TEXT NOT NULL,
     channel TEXT NOT NULL,
     data TEXT NOT NULL,
     created_at TEXT NOT NULL,
     claimed_until TEXT,
     PRIMARY KEY (alert_key, channel)
   );`,
  // 4: one row per recorded posture run, so the console can tell "never run" from "all passing".
  `CREATE TABLE posture_runs (
     run_at TEXT NOT NULL,
     results INTEGER NOT NULL,
     failing INTEGER NOT NULL
   );
   CREATE INDEX posture_runs_at ON posture_runs(run_at);`,
];

/** Applies the pending migrations once across every process sharing the schema. */
export function migrate(conn: PgConnection): void {
  conn.transaction(() => {
    // Keyed by schema, so two leakwatch schemas in one database migrate independently.
    conn.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':leakwatch-migrations'))");
    conn.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const applied = conn.one<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')?.v ?? 0;
    if (applied > PG_MIGRATIONS.length) {
      throw new LeakwatchError('state', `the PostgreSQL schema was written by a newer leakwatch (schema ${applied}); upgrade leakwatch`);
    }
    for (let v = applied; v < PG_MIGRATIONS.length; v++) {
      conn.query(PG_MIGRATIONS[v]!);
      conn.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [v + 1, new Date().toISOString()]);
    }
  });
}

/** A connection to the target whose schema is migrated, closed again when migrating fails. */
export function openMigratedConnection(target: PgTarget): PgConnection {
  const conn = new PgConnection(target);
  try {
    migrate(conn);
  } catch (err) {
    conn.close();
    throw err;
  }
  return conn;
}
