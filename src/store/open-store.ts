/**
 * Picks the store backend from the configuration, so the daemon never names one: the embedded
 * SQLite database under the data directory, or PostgreSQL (shared by every replica) when
 * `databaseUrl` is set.
 * The CLI's `scan` opens its incremental state here too (runScan takes the opener).
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LeakwatchError, isLeakwatchError } from '../errors.js';
import { SqliteMonitorStore } from './sqlite/sqlite-monitor-store.js';
import { SqliteScanStore } from './sqlite/sqlite-scan-store.js';
import type { Database as Db } from 'better-sqlite3';
import type { IncidentStore } from '../respond/incident-store.js';
import type { PostureStore } from '../posture/posture-store.js';
import { parseDatabaseUrl } from './postgres/pg-connection.js';
import { PgIncidentStore } from './postgres/pg-incident-store.js';
import { PgMonitorStore } from './postgres/pg-monitor-store.js';
import { PgPostureStore } from './postgres/pg-posture-store.js';
import { SqliteIncidentStore } from './sqlite/sqlite-incident-store.js';
import { SqlitePostureStore } from './sqlite/sqlite-posture-store.js';
import type { MonitorStore, ScanStore } from './types.js';

/** What the user can do about an unusable data directory: the option that names it, and the way out. */
function dataDirHint(dataDir: string): string {
  return `the data directory is set by dataDir in the config file or LEAKWATCH_DATA_DIR; point it at a directory this user can write (or fix the permissions of ${dataDir})`;
}

function checkDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new LeakwatchError('state', `cannot use data directory ${dataDir} (${reason}); ${dataDirHint(dataDir)}`, { cause: err });
  }
}

export function openMonitorStore(options: { dataDir: string; databaseUrl?: string }): MonitorStore {
  if (options.databaseUrl !== undefined) return new PgMonitorStore(parseDatabaseUrl(options.databaseUrl));
  checkDataDir(options.dataDir);
  try {
    return new SqliteMonitorStore(join(options.dataDir, 'state.db'));
  } catch (err) {
    // The SQLite layer speaks to the scan CLI (`--state`); the daemon's user set a data directory.
    if (isLeakwatchError(err) && err.code === 'state' && err.message.endsWith('; check --state')) {
      throw new LeakwatchError('state', `${err.message.slice(0, -'; check --state'.length)}; ${dataDirHint(options.dataDir)}`, { cause: err });
    }
    throw err;
  }
}

/** The incremental scan state of `scan --state DIR`: `DIR/state.db`. */
export function openScanStore(stateDir: string): ScanStore {
  return new SqliteScanStore(join(stateDir, 'state.db'));
}

/** The incident store beside the monitor store: the same database, whichever backend. */
export function openIncidentStore(options: { dataDir: string; databaseUrl?: string }): IncidentStore {
  if (options.databaseUrl !== undefined) return new PgIncidentStore(parseDatabaseUrl(options.databaseUrl));
  return new SqliteIncidentStore(join(options.dataDir, 'state.db'));
}

/**
 * The posture store: on the daemon's open SQLite database, or in the shared PostgreSQL of a
 * scaled-out daemon, where whichever replica runs the checks must see the last run of any other.
 */
export function openPostureStore(options: { db: Db; databaseUrl?: string }): PostureStore {
  if (options.databaseUrl !== undefined) return new PgPostureStore(parseDatabaseUrl(options.databaseUrl));
  return new SqlitePostureStore(options.db);
}
