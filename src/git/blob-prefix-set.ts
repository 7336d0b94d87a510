/**
 * The blobs an object store holds, as the first 32 bits of each id in a sorted typed array
 * (4 bytes a blob, nothing for the garbage collector), so the history walk can ask "is this
 * blob here?" for every entry without a second pass over history or a set of strings. A blob
 * whose prefix matches another one's counts as present: with a million blobs, a missing one
 * goes unnoticed about once in four thousand; one missing blob among several is still seen.
 */
import { oidPrefix } from './walk-introductions.js';

export class BlobPrefixSet {
  private prefixes = new Uint32Array(4096);
  private count = 0;
  private sealed = false;

  add(oid: string): void {
    if (this.count === this.prefixes.length) {
      const grown = new Uint32Array(this.prefixes.length * 2);
      grown.set(this.prefixes);
      this.prefixes = grown;
    }
    this.prefixes[this.count++] = Number.parseInt(oid.slice(0, 8), 16);
    this.sealed = false;
  }

  get size(): number {
    return this.count;
  }

  /** Whether a blob with the id at `at` in `bytes` (hex) is in the store. */
  hasAt(bytes: Uint8Array, at: number): boolean {
    return this.hasPrefix(oidPrefix(bytes, at));
  }

  has(oid: string): boolean {
    return this.hasPrefix(Number.parseInt(oid.slice(0, 8), 16));
  }

  private hasPrefix(key: number): boolean {
    if (!this.sealed) this.seal();
    let lo = 0;
    let hi = this.count - 1;
    const a = this.prefixes;
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
    this.prefixes = this.prefixes.subarray(0, this.count).sort();
    this.sealed = true;
  }
}
