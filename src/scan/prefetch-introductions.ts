/**
 * Walks the new history for introductions while the blobs are still being scanned, so that
 * attribution does not wait for the scan to end. It keeps every introduction up to a limit,
 * in parallel arrays that share each commit's header (cheap for the garbage collector); past
 * the limit it gives up, and the caller walks again afterwards for the blobs with matches.
 */
import { walkIntroductions } from '../git/walk-introductions.js';
import type { CommitHeader } from '../git/walk-introductions.js';

const LIMIT = 300_000;

export interface PrefetchedIntroductions {
  forEach(visit: (oid: string, path: string, commit: CommitHeader) => void): void;
}

export interface IntroductionPrefetch {
  /** Every introduction in the commits, or null when there were more than the limit. */
  result: Promise<PrefetchedIntroductions | null>;
  cancel(): void;
}

export function prefetchIntroductions(gitDir: string, commits: string[], limit = LIMIT): IntroductionPrefetch {
  const controller = new AbortController();
  const oids: string[] = [];
  const paths: string[] = [];
  const headers: CommitHeader[] = [];
  let overflow = false;
  const seen: PrefetchedIntroductions = {
    forEach(visit) {
      for (let i = 0; i < oids.length; i++) visit(oids[i]!, paths[i]!, headers[i]!);
    },
  };
  const result = walkIntroductions(
    gitDir,
    commits,
    null,
    (oid, path, commit) => {
      if (oids.length >= limit) {
        overflow = true;
        controller.abort();
        return;
      }
      oids.push(oid);
      paths.push(path);
      headers.push(commit);
    },
    controller.signal,
  ).then(() => (overflow || controller.signal.aborted ? null : seen));
  // A failure here is seen again, and reported, by the walk the caller then makes itself.
  const safe = result.catch(() => null);
  return { result: safe, cancel: () => controller.abort() };
}
