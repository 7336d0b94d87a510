/**
 * Hashes of every k-gram (k consecutive tokens) of a token stream, by a polynomial rolling hash
 * mod 2^32 (O(n) whatever k is), each passed through a finaliser so that winnowing's "minimum
 * hash" is a uniformly random pick rather than biased by the weak low bits of the polynomial.
 */
import { mix32 } from './hash32.js';

const BASE = 0x01000193;

export function kgramHashes(ids: ArrayLike<number>, k: number): Uint32Array {
  const count = ids.length - k + 1;
  if (count <= 0) return new Uint32Array(0);
  const out = new Uint32Array(count);
  let pow = 1;
  for (let j = 1; j < k; j++) pow = Math.imul(pow, BASE);
  let h = 0;
  for (let j = 0; j < k; j++) h = (Math.imul(h, BASE) + ids[j]!) | 0;
  for (let i = 0; i < count; i++) {
    // 0xffffffff is reserved for masked k-grams (winnow.ts SKIP_HASH).
    out[i] = Math.min(mix32(h), 0xfffffffe);
    if (i + k < ids.length) h = (Math.imul((h - Math.imul(ids[i]!, pow)) | 0, BASE) + ids[i + k]!) | 0;
  }
  return out;
}
