/**
 * The daemon's one fingerprint index: kept in its SQLite database (or, scaled out, in the shared
 * PostgreSQL) and loaded into memory once at start. Repository jobs update a repository's entries right after its mirror was fetched; the
 * public watch matches against the same instance and catches up before each cycle (a mirror whose
 * update failed, repositories gone from the inventory). Updates of one repository run one at a
 * time: a job and the catch-up reading the same mirror at once could otherwise leave the entries
 * of an older HEAD behind.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Database as Db } from 'better-sqlite3';
import type { FingerprintIndexStore, IndexedFile } from '../fingerprint/fingerprint-index.js';
import { updateRepoIndex } from '../fingerprint/update-repo-index.js';
import type { UpdateResult } from '../fingerprint/update-repo-index.js';
import { DEFAULT_WINNOW_PARAMETERS } from '../fingerprint/winnow-parameters.js';
import type { Repository } from '../domain/repository.js';
import type { Logger } from '../logger.js';
import { SqliteFingerprintIndex } from '../store/sqlite/sqlite-fingerprint-index.js';
import { mirrorDir } from './run-repository-job.js';

const run = promisify(execFile);

/** The stored index: SQLite's (one daemon), or PostgreSQL's shared by replicas (with `reload`). */
export type StoredFingerprintIndex = FingerprintIndexStore & {
  removeRepo(repo: string): number;
  repos(): string[];
  allFiles(): IterableIterator<IndexedFile>;
  /** Loads what other processes wrote; present on a shared index. */
  reload?(): boolean;
};

export interface DaemonFingerprintIndex {
  readonly index: StoredFingerprintIndex;
  /** Brings one repository's entries up to date with the HEAD of its git directory. */
  updateRepository(repository: Repository, gitDir: string): Promise<UpdateResult>;
  /** Updates every mirror of the inventory and drops repositories no longer in it; logs, never throws. */
  catchUp(repositories: readonly Repository[]): Promise<void>;
}

export interface OpenDaemonIndexOptions {
  /** The daemon's database, opened with `openDatabase`. */
  db: Db;
  /** An index opened elsewhere (the shared PostgreSQL one), used instead of the database's. */
  index?: StoredFingerprintIndex;
  /** The daemon's data directory (resolved), where the mirrors are. */
  dataDir: string;
  log: Logger;
}

export function openDaemonFingerprintIndex(options: OpenDaemonIndexOptions): DaemonFingerprintIndex {
  const { log } = options;
  const started = Date.now();
  const index: StoredFingerprintIndex = options.index ?? SqliteFingerprintIndex.open(options.db, { parameters: DEFAULT_WINNOW_PARAMETERS, log });
  log.info({ files: index.fileCount(), ms: Date.now() - started }, 'Fingerprint index loaded');
  const tails = new Map<string, Promise<unknown>>();

  /** Runs after every earlier update of the same repository name (the index's key) settled. */
  function oneAtATime<T>(repo: string, work: () => Promise<T>): Promise<T> {
    const next = (tails.get(repo) ?? Promise.resolve()).then(work, work);
    const tail = next.catch(() => undefined);
    tails.set(repo, tail);
    void tail.then(() => {
      if (tails.get(repo) === tail) tails.delete(repo);
    });
    return next;
  }

  const updateRepository = (repository: Repository, gitDir: string): Promise<UpdateResult> =>
    oneAtATime(repository.name, async () => {
      // A new repository (CodeCommit creates them empty) has no default branch yet: nothing to index.
      if (!(await hasHeadCommit(gitDir))) return { added: 0, unchanged: 0, removed: index.removeRepo(repository.name), skipped: 0 };
      return updateRepoIndex(index, repository.name, gitDir);
    });

  return {
    index,
    updateRepository,
    async catchUp(repositories) {
      const names = new Set(repositories.map((r) => r.name));
      // A shared index is kept current by the repository jobs of every replica; this replica's
      // mirrors are a cache that may be older, so it only loads what the others wrote.
      const shared = index.reload !== undefined;
      if (shared && index.reload!()) log.debug({ files: index.fileCount() }, 'Fingerprint index reloaded');
      for (const repo of index.repos()) {
        if (names.has(repo)) continue;
        const files = await oneAtATime(repo, async () => index.removeRepo(repo));
        log.info({ repository: repo, files }, 'Fingerprint index entries of a removed repository dropped');
      }
      for (const repository of shared ? [] : repositories) {
        const dir = mirrorDir(options.dataDir, repository.id);
        if (!existsSync(dir)) continue;
        try {
          const result = await updateRepository(repository, dir);
          log.debug({ repository: repository.id, ...result }, 'Fingerprint index updated');
        } catch (err) {
          log.warn({ repository: repository.id, err: (err as Error).message }, 'Fingerprint index update failed');
        }
      }
    },
  };
}

/** False only when HEAD names no commit; anything else wrong is left for the update to report. */
async function hasHeadCommit(gitDir: string): Promise<boolean> {
  try {
    await run('git', ['-C', gitDir, 'rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
    return true;
  } catch (err) {
    return (err as { code?: unknown }).code !== 1;
  }
}
