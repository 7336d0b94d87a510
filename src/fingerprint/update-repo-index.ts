/**
 * Brings a repository's entries in a fingerprint index up to date with its HEAD after a fetch:
 * only blobs whose id changed are read and fingerprinted, and paths gone from HEAD (or now
 * ignorable) are removed. This is what keeps the index incremental: a fetch costs its changes.
 */
import type { FingerprintIndexStore } from './fingerprint-index.js';
import { addTextToIndex } from './add-text-to-index.js';
import { isIgnorablePath } from './is-ignorable-path.js';
import { DEFAULT_MAX_FILE_BYTES, listHeadBlobs, readGitHeadFiles } from './read-git-head-files.js';
import type { ReadFilesOptions } from './read-git-head-files.js';

export interface UpdateResult {
  readonly added: number;
  readonly unchanged: number;
  readonly removed: number;
  readonly skipped: number;
}

export async function updateRepoIndex(
  store: FingerprintIndexStore,
  repo: string,
  repoDir: string,
  options: ReadFilesOptions = {},
): Promise<UpdateResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const head = await listHeadBlobs(repoDir);
  const present = new Set(head.filter((e) => e.size <= maxBytes && !isIgnorablePath(e.path)).map((e) => e.path));
  let removed = 0;
  for (const path of store.pathsOfRepo(repo)) {
    if (!present.has(path) && store.removeFile(repo, path)) removed++;
  }
  let unchanged = 0;
  const changed = (e: { path: string; blobId: string }): boolean => {
    const same = store.findFile(repo, e.path)?.blobId === e.blobId;
    if (same) unchanged++;
    return !same;
  };
  let added = 0;
  let skipped = 0;
  for await (const file of readGitHeadFiles(repoDir, { maxBytes, select: changed })) {
    const result = addTextToIndex(store, { repo, ...file });
    if (result.added) added++;
    else {
      // Content that became ignorable (now minified, generated) must not keep its old entry.
      if (store.removeFile(repo, file.path)) removed++;
      skipped++;
    }
  }
  return { added, unchanged, removed, skipped };
}
