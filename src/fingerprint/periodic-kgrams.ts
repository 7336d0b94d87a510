/**
 * Finds k-grams that are periodic: the same short token pattern repeated, like a run of
 * `console.log("...")` lines or a table of `key: value,` entries. With identifiers and
 * literals folded into classes such runs look alike in every codebase, so they are not
 * evidence of copying and are never chosen as fingerprints. A k-gram counts as periodic when
 * it repeats with a period of at most 2k/3 tokens (one and a half repetitions or more).
 */
export function periodicKgrams(ids: readonly number[], k: number): Uint8Array {
  const count = Math.max(ids.length - k + 1, 0);
  const periodic = new Uint8Array(count);
  if (count === 0) return periodic;
  const maxPeriod = Math.floor((2 * k) / 3);
  // mismatches[j] = mismatches of ids[i] vs ids[i - p] for i < j (prefix sums), per period.
  const mismatches = new Int32Array(ids.length + 1);
  for (let p = 1; p <= maxPeriod; p++) {
    mismatches[0] = 0;
    for (let j = 0; j < ids.length; j++) {
      mismatches[j + 1] = mismatches[j]! + (j >= p && ids[j] !== ids[j - p] ? 1 : 0);
    }
    for (let s = 0; s < count; s++) {
      if (periodic[s] === 0 && mismatches[s + k]! - mismatches[s + p]! === 0) periodic[s] = 1;
    }
  }
  return periodic;
}
