/**
 * The index `leakwatch match` matches against: the repositories given with --repo, indexed now
 * in memory; without --repo, the index the daemon keeps in its state database (--state FILE,
 * else the configuration's PostgreSQL when `databaseUrl` is set, else `<dataDir>/state.db`, as
 * `leakwatch incidents` finds it).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { LeakwatchError } from '../errors.js';
import { InMemoryFingerprintIndex } from '../fingerprint/fingerprint-index.js';
import type { FingerprintIndexStore } from '../fingerprint/fingerprint-index.js';
import { indexLocalRepo } from '../fingerprint/index-local-repo.js';
import { DEFAULT_WINNOW_PARAMETERS } from '../fingerprint/winnow-parameters.js';
import { parseDatabaseUrl } from '../store/postgres/pg-connection.js';
import { PgFingerprintIndex, storedPgFingerprintParameters } from '../store/postgres/pg-fingerprint-index.js';
import { openDatabase } from '../store/sqlite/open-database.js';
import { SqliteFingerprintIndex, storedFingerprintParameters } from '../store/sqlite/sqlite-fingerprint-index.js';

export interface MatchIndexOptions {
  repo?: string[];
  state?: string;
  config?: string;
}

export interface MatchIndex {
  index: FingerprintIndexStore;
  close(): void;
}

export async function openMatchIndex(
  options: MatchIndexOptions,
  context: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<MatchIndex> {
  const repos = options.repo ?? [];
  if (repos.length > 0) {
    const index = new InMemoryFingerprintIndex(DEFAULT_WINNOW_PARAMETERS);
    for (const repo of repos) await indexLocalRepo(index, repo);
    return { index, close: () => undefined };
  }
  const shared = options.state === undefined ? sharedDatabaseUrl(options, context) : undefined;
  if (shared !== undefined) return openSharedIndex(shared);
  const file = stateDatabase(options, context);
  const missing = `No fingerprint index in ${file}: run \`leakwatch daemon\` first (it indexes every mirror) or pass --repo <path>`;
  if (!existsSync(file)) throw new LeakwatchError('usage', missing);
  const db = openDatabase(file);
  try {
    // Match with whatever parameters the daemon indexed with: candidates are fingerprinted alike.
    const parameters = storedFingerprintParameters(db);
    if (parameters === undefined) throw new LeakwatchError('usage', missing);
    return { index: SqliteFingerprintIndex.open(db, { parameters }), close: () => db.close() };
  } catch (err) {
    db.close();
    throw err;
  }
}

function stateDatabase(options: MatchIndexOptions, context: { env?: NodeJS.ProcessEnv; cwd?: string }): string {
  const cwd = context.cwd ?? process.cwd();
  if (options.state !== undefined) return resolve(cwd, options.state);
  const { config } = loadConfig({ configPath: options.config, env: context.env ?? process.env, cwd });
  return join(resolve(cwd, config.dataDir), 'state.db');
}

function sharedDatabaseUrl(options: MatchIndexOptions, context: { env?: NodeJS.ProcessEnv; cwd?: string }): string | undefined {
  const { config } = loadConfig({ configPath: options.config, env: context.env ?? process.env, cwd: context.cwd ?? process.cwd() });
  return config.databaseUrl;
}

/** The index the replicas of a scaled-out daemon keep in PostgreSQL. */
function openSharedIndex(databaseUrl: string): MatchIndex {
  const target = parseDatabaseUrl(databaseUrl);
  const parameters = storedPgFingerprintParameters(target);
  if (parameters === undefined) {
    throw new LeakwatchError('usage', 'No fingerprint index in the PostgreSQL store (databaseUrl): run `leakwatch daemon` first (it indexes every mirror) or pass --repo <path>');
  }
  const index = PgFingerprintIndex.open(target, { parameters });
  return { index, close: () => index.close() };
}
