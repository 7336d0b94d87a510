/**
 * Finds k-grams that say nothing about where code came from, so winnowing never picks them:
 * - periodic ones, the same short token pattern repeated (a run of `console.log("...")` lines,
 *   a table of `key: value,` entries). With identifiers and literals folded into classes such
 *   runs look alike in every codebase. A k-gram is periodic when it repeats with a period of at
 *   most 2k/3 tokens (one and a half repetitions or more);
 * - data ones, made only of literals and punctuation (JSON, source maps, arrays of strings or
 *   numbers): once literals are folded, every such table reads the same.
 */

/** `words[i]` is 1 where token i is an identifier or keyword (TokenStream.words). */
export function uninformativeKgrams(ids: ArrayLike<number>, words: ArrayLike<number>, k: number): Uint8Array {
  const count = Math.max(ids.length - k + 1, 0);
  const masked = new Uint8Array(count);
  if (count === 0) return masked;
  markDataKgrams(words, k, masked);
  markPeriodicKgrams(ids, k, masked);
  return masked;
}

function markDataKgrams(words: ArrayLike<number>, k: number, masked: Uint8Array): void {
  let inWindow = 0;
  for (let j = 0; j < words.length; j++) {
    inWindow += words[j]!;
    if (j >= k) inWindow -= words[j - k]!;
    if (j >= k - 1 && inWindow === 0) masked[j - k + 1] = 1;
  }
}

function markPeriodicKgrams(ids: ArrayLike<number>, k: number, masked: Uint8Array): void {
  const maxPeriod = Math.floor((2 * k) / 3);
  for (let p = 1; p <= maxPeriod; p++) {
    // run = how many consecutive tokens ending at j equal the token p before them.
    let run = 0;
    for (let j = p; j < ids.length; j++) {
      run = ids[j] === ids[j - p] ? run + 1 : 0;
      const s = j - k + 1;
      if (s >= 0 && run >= k - p) masked[s] = 1;
    }
  }
}
