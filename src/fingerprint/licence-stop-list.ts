/**
 * The stop-list of fingerprints that come from licence prose (licence-texts.ts). It holds every
 * k-gram hash of each text, not just the winnowed ones, because a licence embedded in another
 * file is winnowed at other positions; and of its upper- and lower-case forms, since case
 * decides whether a word like `IF` or `in` is read as a keyword.
 */
import { kgramHashes } from './kgram-hashes.js';
import { LICENCE_TEXTS } from './licence-texts.js';
import { tokenize } from './tokenize.js';
import type { WinnowParameters } from './winnow-parameters.js';

const cache = new Map<number, ReadonlySet<number>>();

export function licenceStopList(params: WinnowParameters): ReadonlySet<number> {
  const cached = cache.get(params.k);
  if (cached) return cached;
  const stop = new Set<number>();
  for (const text of LICENCE_TEXTS) {
    for (const variant of [text, text.toUpperCase(), text.toLowerCase()]) {
      for (const h of kgramHashes(tokenize(variant).ids, params.k)) stop.add(h);
    }
  }
  cache.set(params.k, stop);
  return stop;
}
