/**
 * The incident tables of the embedded store. They are created with `IF NOT EXISTS` by the
 * incident store itself rather than as a numbered migration, so they do not depend on (or
 * collide with) the scan and daemon migrations' `user_version` numbering. No column ever holds a
 * secret: only its SHA-256, the redacted preview, and identifiers such as an access key id.
 */
export const INCIDENT_SCHEMA = `
CREATE TABLE IF NOT EXISTS incidents (
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
CREATE INDEX IF NOT EXISTS incidents_status ON incidents(status, created_at);
CREATE TABLE IF NOT EXISTS incident_secrets (
  secret_sha256 TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS incident_locations (
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  loc_key TEXT NOT NULL,
  seq INTEGER NOT NULL,
  repository TEXT NOT NULL,
  commit_id TEXT,
  path TEXT,
  line INTEGER,
  blob TEXT,
  public_url TEXT,
  first_seen TEXT,
  PRIMARY KEY (incident_id, loc_key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS incident_timeline (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  phase TEXT NOT NULL,
  action TEXT NOT NULL,
  outcome TEXT NOT NULL,
  detail TEXT NOT NULL,
  provider TEXT,
  retryable INTEGER,
  data TEXT
);
CREATE INDEX IF NOT EXISTS incident_timeline_incident ON incident_timeline(incident_id, id);
CREATE TABLE IF NOT EXISTS incident_actions (
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS incident_follow_ups (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  provider TEXT NOT NULL,
  step TEXT NOT NULL,
  not_before TEXT NOT NULL,
  target TEXT NOT NULL,
  done_at TEXT,
  UNIQUE (incident_id, provider, step, target)
);
`;
