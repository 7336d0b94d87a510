/**
 * Robust winnowing (Schleimer, Wilkerson, Aiken, SIGMOD 2003): in every window of `w`
 * consecutive k-gram hashes keep the minimum (the rightmost on ties), recording a position only
 * when the pick changes. Every window contributes a pick, so two texts that share a window —
 * a run of w+k-1 tokens — always share that window's fingerprint. A text shorter than one
 * window still gets its single minimum, so small files are not invisible. A window whose
 * minimum is SKIP_HASH (masked k-grams) records nothing.
 */

/** A masked k-gram: the largest hash, so it is picked only when the whole window is masked. */
export const SKIP_HASH = 0xffffffff;
export interface Winnowed {
  /** Selected hashes, in text order. */
  readonly hashes: Uint32Array;
  /** Index of the k-gram (= its first token) each selected hash came from. */
  readonly positions: Uint32Array;
}

export function winnow(hashes: Uint32Array, w: number): Winnowed {
  const n = hashes.length;
  if (n === 0) return { hashes: new Uint32Array(0), positions: new Uint32Array(0) };
  const window = Math.min(w, n);
  const deque = new Int32Array(n);
  let head = 0;
  let tail = 0;
  const picked: number[] = [];
  let last = -1;
  for (let j = 0; j < n; j++) {
    const h = hashes[j]!;
    while (tail > head && hashes[deque[tail - 1]!]! >= h) tail--;
    deque[tail++] = j;
    if (deque[head]! <= j - window) head++;
    if (j >= window - 1) {
      const pick = deque[head]!;
      if (pick !== last) {
        if (hashes[pick] !== SKIP_HASH) picked.push(pick);
        last = pick;
      }
    }
  }
  const positions = Uint32Array.from(picked);
  const selected = new Uint32Array(positions.length);
  for (let i = 0; i < positions.length; i++) selected[i] = hashes[positions[i]!]!;
  return { hashes: selected, positions };
}
