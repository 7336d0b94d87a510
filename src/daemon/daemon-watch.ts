/**
 * The daemon's public watch: the watch runtime (token, Octokit, sources) built once at start, the
 * daemon's fingerprint index (shared with the repository jobs, which update it after every fetch;
 * each cycle first catches up, re-reading only blobs that changed, and drops repositories gone
 * from the inventory), the known secret hashes from the stored findings, and the watch state in
 * the daemon's database. What is found goes to the incident engine's sink. The index is kept up
 * to date even without configured sources, for `leakwatch match`; the watch itself then logs
 * once and does nothing.
 */
import type { Database as Db } from 'better-sqlite3';
import type { LeakwatchConfig } from '../config/config-types.js';
import type { Ruleset } from '../detect/types.js';
import type { Logger } from '../logger.js';
import { ObjectScanner } from '../scan/object-scanner.js';
import { SqliteWatchState } from '../store/sqlite/sqlite-watch-state.js';
import type { MonitorStore } from '../store/types.js';
import { createWatchRuntime } from '../watch/create-watch-runtime.js';
import type { WatchRuntime } from '../watch/create-watch-runtime.js';
import { parseConfiguredTerms } from '../watch/distinctive-strings.js';
import { canarySearchTerms } from '../watch/index-search-terms.js';
import { runWatchCycle } from '../watch/run-watch.js';
import type { SearchTerm } from '../watch/sources/types.js';
import type { PublicExposureSink, WatchStateStore } from '../watch/types.js';
import type { DaemonFingerprintIndex } from './daemon-fingerprint-index.js';
import type { WatchHookContext } from './start-daemon.js';

export interface DaemonWatchOptions {
  config: LeakwatchConfig;
  log: Logger;
  env?: NodeJS.ProcessEnv;
  ruleset: Ruleset;
  /** The daemon's database (opened with `openDatabase`), for the watch state. */
  db: Db;
  /** The watch state to use instead of the SQLite one (the shared PostgreSQL one when scaled out). */
  state?: WatchStateStore;
  /** The daemon's fingerprint index, the one its repository jobs update. */
  fingerprints: DaemonFingerprintIndex;
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
  const { fingerprints } = options;
  const { index } = fingerprints;
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
  const state = options.state ?? new SqliteWatchState(options.db);
  let toldOff = false;

  return async ({ store, inventory }) => {
    await fingerprints.catchUp(inventory?.() ?? store.listRepositories().map((r) => r.repository));
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
