/**
 * Picks the store backend from the configuration, so the daemon never names one: the embedded
 * SQLite database under the data directory, or (later) PostgreSQL when `databaseUrl` is set.
 * The CLI's `scan` opens its incremental state here too (runScan takes the opener).
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LeakwatchError, isLeakwatchError } from '../errors.js';
import { SqliteMonitorStore } from './sqlite/sqlite-monitor-store.js';
import { SqliteScanStore } from './sqlite/sqlite-scan-store.js';
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
  if (options.databaseUrl !== undefined) {
    throw new LeakwatchError('config', 'databaseUrl is set but the PostgreSQL store is not available in this version; unset it to use the embedded SQLite store.');
  }
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
