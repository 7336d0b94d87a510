/**
 * The daemon's public watch: the watch runtime (token, Octokit, sources) built once at start, the
 * fingerprint index of every mirror's default branch kept in the daemon's database (loaded at
 * start, brought up to date incrementally before each cycle so it follows every fetch: a restart
 * re-reads only blobs that changed, and repositories gone from the inventory are dropped), the
 * known secret hashes from the stored findings, and the watch state in the daemon's database.
 * What is found goes to the incident engine's sink. The index is kept up to date even without
 * configured sources, for `leakwatch match`; the watch itself then logs once and does nothing.
 */
import { existsSync } from 'node:fs';
import type { Database as Db } from 'better-sqlite3';
import type { LeakwatchConfig } from '../config/config-types.js';
import type { Ruleset } from '../detect/types.js';
import { updateRepoIndex } from '../fingerprint/update-repo-index.js';
import { DEFAULT_WINNOW_PARAMETERS } from '../fingerprint/winnow-parameters.js';
import type { Repository } from '../inventory/types.js';
import type { Logger } from '../logger.js';
import { ObjectScanner } from '../scan/object-scanner.js';
import { SqliteFingerprintIndex } from '../store/sqlite/sqlite-fingerprint-index.js';
import { SqliteWatchState } from '../store/sqlite/sqlite-watch-state.js';
import type { MonitorStore } from '../store/types.js';
import { createWatchRuntime } from '../watch/create-watch-runtime.js';
import type { WatchRuntime } from '../watch/create-watch-runtime.js';
import { parseConfiguredTerms } from '../watch/distinctive-strings.js';
import { canarySearchTerms } from '../watch/index-search-terms.js';
import { runWatchCycle } from '../watch/run-watch.js';
import type { SearchTerm } from '../watch/sources/types.js';
import type { PublicExposureSink } from '../watch/types.js';
import { mirrorDir } from './run-repository-job.js';
import type { WatchHookContext } from './start-daemon.js';

export interface DaemonWatchOptions {
  config: LeakwatchConfig;
  log: Logger;
  env?: NodeJS.ProcessEnv;
  dataDir: string;
  ruleset: Ruleset;
  /** The daemon's database (opened with `openDatabase`), for the watch state and the fingerprint index. */
  db: Db;
  sink: PublicExposureSink;
  /** Injected by tests; by default built from the configuration. */
  runtime?: WatchRuntime;
  fetch?: typeof fetch;
}

/** Secret hash → names of our repositories holding it, from every stored finding. */
export function knownSecretsOf(store: MonitorStore): Map<string, string[]> {
  const names = new Map(store.listRepositories().map((r) => [r.id, r.repository.name]));
  const known = new Map<string, string[]>();
  for (const { repositoryId, finding } of store.listFindings()) {
    const name = names.get(repositoryId);
    if (name === undefined) continue;
    for (const sha of [finding.secretSha256, ...(finding.related ? [finding.related.secretSha256] : [])]) {
      const list = known.get(sha) ?? [];
      if (!list.includes(name)) list.push(name);
      known.set(sha, list);
    }
  }
  return known;
}

export async function createDaemonWatch(options: DaemonWatchOptions): Promise<(context: WatchHookContext) => Promise<void>> {
  const { config, log } = options;
  const loadStarted = Date.now();
  const index = SqliteFingerprintIndex.open(options.db, { parameters: DEFAULT_WINNOW_PARAMETERS, log });
  log.info({ files: index.fileCount(), ms: Date.now() - loadStarted }, 'Fingerprint index loaded');
  const configured = parseConfiguredTerms(config.watch.searchTerms);
  const searchTerms = (): SearchTerm[] => [...canarySearchTerms(index), ...configured];
  let runtime = options.runtime;
  if (runtime === undefined && config.watch.sources.length > 0) {
    try {
      runtime = await createWatchRuntime({ config, log, ...(options.env === undefined ? {} : { env: options.env }), searchTerms });
    } catch (err) {
      log.error({ err: (err as Error).message }, 'Public watch could not start; it stays off');
    }
  }
  const scanner = new ObjectScanner(options.ruleset);
  const state = new SqliteWatchState(options.db);
  let toldOff = false;

  return async ({ store, inventory }) => {
    await updateIndex(index, inventory?.() ?? store.listRepositories().map((r) => r.repository), options.dataDir, log);
    if (runtime === undefined || runtime.sources.length === 0) {
      if (!toldOff) log.info({ sources: config.watch.sources }, 'Public watch not configured (no usable source); skipping');
      toldOff = true;
      return;
    }
    const report = await runWatchCycle({
      ...runtime,
      state,
      sink: options.sink,
      index,
      scanner,
      knownSecrets: knownSecretsOf(store),
      log: log.child({ component: 'watch' }),
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    });
    log.info({ candidates: report.candidates, delivered: report.delivered }, 'Public watch cycle finished');
  };
}

/** Brings the index up to date with every mirror, and drops repositories gone from the inventory. */
async function updateIndex(index: SqliteFingerprintIndex, repositories: readonly Repository[], dataDir: string, log: Logger): Promise<void> {
  const names = new Set(repositories.map((r) => r.name));
  for (const repo of index.repos()) {
    if (!names.has(repo)) log.info({ repository: repo, files: index.removeRepo(repo) }, 'Fingerprint index entries of a removed repository dropped');
  }
  for (const repository of repositories) {
    const dir = mirrorDir(dataDir, repository.id);
    if (!existsSync(dir)) continue;
    try {
      const result = await updateRepoIndex(index, repository.name, dir);
      log.debug({ repository: repository.id, ...result }, 'Fingerprint index updated');
    } catch (err) {
      log.warn({ repository: repository.id, err: (err as Error).message }, 'Fingerprint index update failed');
    }
  }
}
