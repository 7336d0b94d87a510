/** Schema migrations for the embedded store, applied in order inside one transaction each. */
export const MIGRATIONS: string[] = [
  `CREATE TABLE scan_targets (
     id INTEGER PRIMARY KEY,
     key TEXT NOT NULL UNIQUE,
     ruleset_hash TEXT NOT NULL,
     store_fingerprint TEXT,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE scanned_objects (
     target_id INTEGER NOT NULL REFERENCES scan_targets(id) ON DELETE CASCADE,
     oid TEXT NOT NULL,
     PRIMARY KEY (target_id, oid)
   ) WITHOUT ROWID;
   CREATE TABLE object_matches (
     target_id INTEGER NOT NULL REFERENCES scan_targets(id) ON DELETE CASCADE,
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
     meta TEXT
   );
   CREATE INDEX object_matches_target ON object_matches(target_id, oid);
   CREATE TABLE introductions (
     target_id INTEGER NOT NULL REFERENCES scan_targets(id) ON DELETE CASCADE,
     oid TEXT NOT NULL,
     commit_id TEXT NOT NULL,
     path TEXT NOT NULL,
     time INTEGER NOT NULL,
     author TEXT NOT NULL,
     email TEXT NOT NULL,
     PRIMARY KEY (target_id, oid, commit_id, path)
   ) WITHOUT ROWID;`,
  // 1: the monitor's inventory, findings per repository, and public-watch cursors.
  `CREATE TABLE repositories (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     clone_url TEXT NOT NULL,
     owner_email TEXT,
     team TEXT,
     classification TEXT NOT NULL,
     data TEXT NOT NULL,
     last_mirror_at TEXT,
     last_mirror_ok INTEGER,
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
   ) WITHOUT ROWID;
   CREATE INDEX findings_status ON findings(status, severity);
   CREATE TABLE IF NOT EXISTS watch_state (
     key TEXT PRIMARY KEY,
     value TEXT,
     etag TEXT,
     cursor TEXT,
     updated_at TEXT NOT NULL
   ) WITHOUT ROWID;`,
  // 2: the objects a scan has seen, one row per scan as packed binary ids instead of one row
  // per object (saving 50,000 rows was most of a scan's save). Old states scan again.
  `DROP TABLE scanned_objects;
   CREATE TABLE scanned_sets (
     target_id INTEGER NOT NULL REFERENCES scan_targets(id) ON DELETE CASCADE,
     width INTEGER NOT NULL,
     oids BLOB NOT NULL
   );
   CREATE INDEX scanned_sets_target ON scanned_sets(target_id);
   DELETE FROM object_matches;
   DELETE FROM introductions;
   UPDATE scan_targets SET store_fingerprint = NULL;`,
  // 3: the fingerprint index of every mirror's default branch (sqlite-fingerprint-index.ts).
  // A file's fingerprints are one BLOB (hashes, then start lines, then end lines, each a
  // little-endian Uint32 array), so a file is one row and loading is one read per file.
  `CREATE TABLE fingerprint_files (
     id INTEGER PRIMARY KEY,
     repo TEXT NOT NULL,
     path TEXT NOT NULL,
     blob_id TEXT NOT NULL,
     token_count INTEGER NOT NULL,
     line_count INTEGER NOT NULL,
     k INTEGER NOT NULL,
     w INTEGER NOT NULL,
     scheme INTEGER NOT NULL,
     fingerprints BLOB NOT NULL,
     UNIQUE (repo, path)
   );
   CREATE TABLE fingerprint_canaries (
     file_id INTEGER NOT NULL REFERENCES fingerprint_files(id) ON DELETE CASCADE,
     marker TEXT NOT NULL,
     PRIMARY KEY (file_id, marker)
   ) WITHOUT ROWID;`,
  // 4: the path-restricted rules a match yields to where they apply (build-findings.ts).
  `ALTER TABLE object_matches ADD COLUMN yields_to TEXT;`,
  // 5: what a scan left unread (too large, cut short, missing, submodules, objects gone) and
  // the options it read with, so an unchanged store answers from the state only under the
  // same options and still says what was not read. Old states scan once more to fill them.
  `ALTER TABLE scan_targets ADD COLUMN options_key TEXT;
   ALTER TABLE scan_targets ADD COLUMN gaps TEXT;
   UPDATE scan_targets SET store_fingerprint = NULL;`,
  // 6: the response outbox and per-incident leases. A finding to respond to (new, or known with a
  // new location) is queued in the scan's own transaction and removed only once answered, so a
  // kill between the two loses nothing; `seq` grows on every re-queue, so an answer to an older
  // state never removes a newer one. A lease names the one actor handling an incident until it
  // expires (a killed holder's lease lapses).
  `CREATE TABLE response_outbox (
     repository_id TEXT NOT NULL,
     finding_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     queued_at TEXT NOT NULL,
     PRIMARY KEY (repository_id, finding_id)
   ) WITHOUT ROWID;
   CREATE INDEX response_outbox_seq ON response_outbox(seq);
   CREATE TABLE incident_leases (
     incident_id TEXT PRIMARY KEY,
     holder TEXT NOT NULL,
     expires_at TEXT NOT NULL
   ) WITHOUT ROWID;`,
  // 7: SNS MessageIds acted on (seen-message-ids.ts), so a delivery repeated across a restart
  // is dropped; rows older than the verifier's one-hour window are deleted as new ids come.
  `CREATE TABLE sns_message_ids (
     message_id TEXT PRIMARY KEY,
     sent_at INTEGER NOT NULL
   ) WITHOUT ROWID;
   CREATE INDEX sns_message_ids_sent_at ON sns_message_ids(sent_at);`,
  // 8: a match's own confidence level (SafeMatch.confidence); NULL where the rule's level applies,
  // which is what every match of an older state had.
  `ALTER TABLE object_matches ADD COLUMN confidence TEXT;`,
];
