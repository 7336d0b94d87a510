/**
 * The blobs an object store holds, as the first 52 bits of each id in a sorted Float64Array
 * (a double holds 52 bits exactly: 8 bytes a blob, nothing for the garbage collector, a native
 * numeric sort), so the history walk can ask "is this blob here?" for every entry without a
 * second pass over history or a set of strings. A missing blob is taken for present only if
 * its first 52 bits equal a present one's: about once in 4.5 billion missing blobs with a
 * million present.
 */
import { HEX_VALUE } from './walk-introductions.js';

const HEX_DIGITS = 13; // 13 × 4 = 52 bits

function keyAt(bytes: Uint8Array, at: number): number {
  let n = 0;
  for (let i = 0; i < HEX_DIGITS; i++) n = n * 16 + HEX_VALUE[bytes[at + i]!]!;
  return n;
}

function keyOf(oid: string): number {
  return Number.parseInt(oid.slice(0, HEX_DIGITS), 16);
}

export class BlobPrefixSet {
  private keys = new Float64Array(4096);
  private count = 0;
  private sealed = false;

  add(oid: string): void {
    if (this.count === this.keys.length) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[this.count++] = keyOf(oid);
    this.sealed = false;
  }

  get size(): number {
    return this.count;
  }

  /** Whether a blob with the id at `at` in `bytes` (hex) is in the store. */
  hasAt(bytes: Uint8Array, at: number): boolean {
    return this.hasKey(keyAt(bytes, at));
  }

  has(oid: string): boolean {
    return this.hasKey(keyOf(oid));
  }

  private hasKey(key: number): boolean {
    if (!this.sealed) this.seal();
    let lo = 0;
    let hi = this.count - 1;
    const a = this.keys;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = a[mid]!;
      if (v === key) return true;
      if (v < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  private seal(): void {
    this.keys = this.keys.subarray(0, this.count).sort();
    this.sealed = true;
  }
}
