/**
 * Walks the new history for introductions while the blobs are still being scanned, so that
 * attribution does not wait for the scan to end. It keeps every introduction up to a limit
 * (memory stays bounded); past it, it gives up and the caller walks again afterwards for the
 * blobs with matches only.
 */
import { walkIntroductions } from '../git/walk-introductions.js';
import type { Introduction } from '../git/walk-introductions.js';

const LIMIT = 300_000;

export interface IntroductionPrefetch {
  /** Every introduction in the commits, or null when there were more than the limit. */
  result: Promise<Introduction[] | null>;
  cancel(): void;
}

export function prefetchIntroductions(gitDir: string, commits: string[], limit = LIMIT): IntroductionPrefetch {
  const controller = new AbortController();
  const seen: Introduction[] = [];
  let overflow = false;
  const result = walkIntroductions(
    gitDir,
    commits,
    null,
    (intro) => {
      if (seen.length >= limit) {
        overflow = true;
        controller.abort();
        return;
      }
      seen.push(intro);
    },
    controller.signal,
  ).then(() => (overflow || controller.signal.aborted ? null : seen));
  // A failure here is seen again, and reported, by the walk the caller then makes itself.
  const safe = result.catch(() => null);
  return { result: safe, cancel: () => controller.abort() };
}
