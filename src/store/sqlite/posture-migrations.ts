/**
 * The posture tables of the embedded store, created with `IF NOT EXISTS` by the posture store
 * itself (as the incident tables are), so they stand apart from the numbered scan migrations.
 * `posture_results` holds the last verdict per check, region and resource; `posture_checks`
 * which checks have run at least once; `posture_alerts` the owner messages owed for checks that
 * turned from pass to fail, one row per channel, written in the same transaction as the
 * results and removed only once sent, so a kill between the two neither loses nor repeats one;
 * `posture_runs` one row per recorded run, so the console can tell "never run" from "all passing".
 */
export const POSTURE_SCHEMA = `
CREATE TABLE IF NOT EXISTS posture_results (
  check_id TEXT NOT NULL,
  region TEXT NOT NULL,
  resource TEXT NOT NULL,
  status TEXT NOT NULL,
  data TEXT NOT NULL,
  checked_at TEXT NOT NULL,
  PRIMARY KEY (check_id, region, resource)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS posture_checks (
  check_id TEXT NOT NULL,
  region TEXT NOT NULL,
  first_run_at TEXT NOT NULL,
  PRIMARY KEY (check_id, region)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS posture_alerts (
  alert_key TEXT NOT NULL,
  channel TEXT NOT NULL,
  data TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (alert_key, channel)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS posture_runs (
  run_at TEXT NOT NULL,
  results INTEGER NOT NULL,
  failing INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS posture_runs_at ON posture_runs(run_at);
`;
