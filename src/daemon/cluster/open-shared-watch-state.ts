/** The fingerprint index and the watch state of a scaled-out daemon, shared in PostgreSQL. */
import { DEFAULT_WINNOW_PARAMETERS } from '../../fingerprint/winnow-parameters.js';
import type { Logger } from '../../logger.js';
import { parseDatabaseUrl } from '../../store/postgres/pg-connection.js';
import { PgFingerprintIndex } from '../../store/postgres/pg-fingerprint-index.js';
import { PgWatchState } from '../../store/postgres/pg-watch-state.js';

export interface SharedWatchState {
  index: PgFingerprintIndex;
  state: PgWatchState;
  close(): void;
}

export function openSharedWatchState(databaseUrl: string, log: Logger): SharedWatchState {
  const target = parseDatabaseUrl(databaseUrl);
  const index = PgFingerprintIndex.open(target, { parameters: DEFAULT_WINNOW_PARAMETERS, log });
  const state = new PgWatchState(target);
  return {
    index,
    state,
    close() {
      index.close();
      state.close();
    },
  };
}
