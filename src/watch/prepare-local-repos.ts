/**
 * What the watch matches against, built from local repositories (for `leakwatch watch --repo`
 * and tests; the daemon uses its mirrors and store instead): the fingerprint index of their
 * default-branch files, the SHA-256 of every secret in those files, and search terms. Each
 * file is read once. Only HEAD is read, so secrets that live only in history are not known
 * here; the daemon's scan results cover those.
 *
 * The index is a fresh in-memory one, or a stored one given by the caller (`watch --state`):
 * that one is brought up to date incrementally, so a file whose blob id did not change since the
 * last run is not fingerprinted again, paths gone are removed, and repositories not given this
 * time are dropped, so it always holds exactly the given repositories. Every file is still read
 * and secret-scanned: the secret hashes and search terms are not stored.
 */
import { basename, resolve } from 'node:path';
import { addTextToIndex } from '../fingerprint/add-text-to-index.js';
import { gitBlobId } from '../fingerprint/blob-id.js';
import { InMemoryFingerprintIndex } from '../fingerprint/fingerprint-index.js';
import type { FingerprintIndexStore, IndexedFile } from '../fingerprint/fingerprint-index.js';
import { isGitRepositoryRoot } from '../fingerprint/index-local-repo.js';
import { readGitHeadFiles } from '../fingerprint/read-git-head-files.js';
import type { RepoFile } from '../fingerprint/read-git-head-files.js';
import { walkDirectoryFiles } from '../fingerprint/walk-directory-files.js';
import { DEFAULT_WINNOW_PARAMETERS } from '../fingerprint/winnow-parameters.js';
import type { ObjectScanner } from '../scan/object-scanner.js';
import { collectSearchTerms } from './distinctive-strings.js';
import type { OurTextFile } from './distinctive-strings.js';
import { canarySearchTerms } from './index-search-terms.js';
import { addKnownSecrets } from './known-secrets.js';
import type { SearchTerm } from './sources/types.js';

/** A stored index that can list its repositories, to drop those not given any more. */
export interface KeptFingerprintIndex extends FingerprintIndexStore {
  repos(): string[];
  allFiles(): Iterable<IndexedFile>;
}

export interface PrepareLocalReposOptions {
  internalDomains?: readonly string[];
  /** Update this index in place instead of building one from scratch. */
  index?: KeptFingerprintIndex;
}

export interface IndexSync {
  /** Files fingerprinted this run (new or changed blob). */
  readonly added: number;
  /** Files whose blob was already indexed. */
  readonly unchanged: number;
  /** Files removed: gone, now ignorable, or of a repository not given. */
  readonly removed: number;
}

export interface LocalWatchTargets {
  index: FingerprintIndexStore;
  knownSecrets: Map<string, string[]>;
  searchTerms: SearchTerm[];
  sync: IndexSync;
}

export async function prepareLocalRepos(dirs: readonly string[], scanner: ObjectScanner, options: PrepareLocalReposOptions = {}): Promise<LocalWatchTargets> {
  const index = options.index ?? new InMemoryFingerprintIndex(DEFAULT_WINNOW_PARAMETERS);
  const knownSecrets = new Map<string, string[]>();
  const texts: OurTextFile[] = [];
  /** Repository name → paths indexed (or kept) this run; two directories may share a name. */
  const kept = new Map<string, Set<string>>();
  let added = 0;
  let unchanged = 0;
  let removed = 0;
  for (const dir of dirs) {
    const root = resolve(dir);
    const repo = basename(root).replace(/\.git$/, '');
    const paths = kept.get(repo) ?? new Set<string>();
    kept.set(repo, paths);
    for await (const file of readOurFiles(root)) {
      const { blobId } = file;
      if (index.findFile(repo, file.path)?.blobId === blobId) {
        unchanged++;
        paths.add(file.path);
      } else if (addTextToIndex(index, { repo, path: file.path, blobId, content: file.content }).added) {
        added++;
        paths.add(file.path);
      }
      const scanned = scanner.scan(`${repo}:${file.path}`, 'blob', file.content, file.path);
      if (scanned === null) continue;
      addKnownSecrets(knownSecrets, repo, [scanned]);
      texts.push({ repo, path: file.path, text: file.content.toString('utf8') });
    }
  }
  for (const repo of options.index?.repos() ?? []) {
    const paths = kept.get(repo);
    for (const path of index.pathsOfRepo(repo)) {
      if (!paths?.has(path) && index.removeFile(repo, path)) removed++;
    }
  }
  const searchTerms = [...canarySearchTerms(index), ...collectSearchTerms(texts, { internalDomains: options.internalDomains })];
  return { index, knownSecrets, searchTerms: dedupe(searchTerms), sync: { added, unchanged, removed } };
}

/** HEAD of a git repository, or a plain directory as it is, each file with its git blob id. */
async function* readOurFiles(root: string): AsyncGenerator<RepoFile> {
  if (await isGitRepositoryRoot(root)) {
    yield* readGitHeadFiles(root);
    return;
  }
  for await (const file of walkDirectoryFiles(root)) yield { ...file, blobId: gitBlobId(file.content) };
}

function dedupe(terms: SearchTerm[]): SearchTerm[] {
  const seen = new Set<string>();
  return terms.filter((t) => !seen.has(t.value) && seen.add(t.value) !== undefined);
}
