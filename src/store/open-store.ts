/**
 * Picks the store backend from the configuration, so the daemon never names one: the embedded
 * SQLite database under the data directory, or (later) PostgreSQL when `databaseUrl` is set.
 * The CLI's `scan` opens its incremental state here too (runScan takes the opener).
 */
import { join } from 'node:path';
import { LeakwatchError } from '../errors.js';
import { SqliteMonitorStore } from './sqlite/sqlite-monitor-store.js';
import { SqliteScanStore } from './sqlite/sqlite-scan-store.js';
import type { MonitorStore, ScanStore } from './types.js';

export function openMonitorStore(options: { dataDir: string; databaseUrl?: string }): MonitorStore {
  if (options.databaseUrl !== undefined) {
    throw new LeakwatchError('config', 'databaseUrl is set but the PostgreSQL store is not available in this version; unset it to use the embedded SQLite store.');
  }
  return new SqliteMonitorStore(join(options.dataDir, 'state.db'));
}

/** The incremental scan state of `scan --state DIR`: `DIR/state.db`. */
export function openScanStore(stateDir: string): ScanStore {
  return new SqliteScanStore(join(stateDir, 'state.db'));
}
