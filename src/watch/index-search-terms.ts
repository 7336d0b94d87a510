/**
 * Code-search terms the fingerprint index already knows: the canary markers planted in our
 * files (the index keeps markers, not text, so literals come from `collectSearchTerms` over
 * the files themselves). A marker is the best term there is: it exists nowhere else.
 */
import type { IndexedFile } from '../fingerprint/fingerprint-index.js';
import type { SearchTerm } from './sources/types.js';

export function canarySearchTerms(index: { allFiles(): Iterable<IndexedFile> }): SearchTerm[] {
  const seen = new Set<string>();
  const terms: SearchTerm[] = [];
  for (const file of index.allFiles()) {
    for (const marker of file.canaries ?? []) {
      if (seen.has(marker)) continue;
      seen.add(marker);
      terms.push({ repository: file.repo, value: marker });
    }
  }
  return terms;
}
