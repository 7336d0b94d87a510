/**
 * 32-bit hashing primitives shared by the tokenizer and the winnower. Token ids and k-gram
 * hashes are persisted in the index, so these functions must never change output for the same
 * input: changing them means rebuilding every stored index.
 */

/** FNV-1a over the UTF-16 code units of a string. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: spreads the weak low bits of a polynomial rolling hash. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
