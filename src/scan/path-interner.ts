/**
 * Interns paths by their bytes: a walk over a long history meets the same few thousand paths
 * hundreds of thousands of times, and making a string of each occurrence only to look it up
 * (UTF-8 decoding, a string hash, a short-lived string for the collector) was most of the
 * prefetch's cost per entry. Here the bytes are hashed and compared where they lie, copied
 * once per distinct path into one growing buffer, and decoded only when asked for.
 */
const EMPTY = -1;

export class PathInterner {
  private bytes = Buffer.allocUnsafe(64 * 1024);
  private used = 0;
  private starts = new Uint32Array(1024);
  private ends = new Uint32Array(1024);
  private hashes = new Uint32Array(1024);
  private readonly strings: (string | undefined)[] = [];
  private table = new Int32Array(2048).fill(EMPTY);
  count = 0;

  /** The id of the path in `source[start, end)`, the same for the same bytes. */
  intern(source: Uint8Array, start: number, end: number): number {
    // FNV-1a over the bytes.
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ source[i]!, 0x01000193);
    h >>>= 0;
    const mask = this.table.length - 1;
    const length = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot]!;
      if (id === EMPTY) return this.add(slot, h, source, start, end);
      if (this.hashes[id] !== h) continue;
      const at = this.starts[id]!;
      if (this.ends[id]! - at !== length) continue;
      let same = true;
      for (let i = 0; i < length; i++) {
        if (this.bytes[at + i] !== source[start + i]) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
  }

  /** The path of an id, decoded as UTF-8 (as `Buffer#toString('utf8')` would). */
  path(id: number): string {
    let s = this.strings[id];
    if (s === undefined) {
      s = this.bytes.toString('utf8', this.starts[id], this.ends[id]);
      this.strings[id] = s;
    }
    return s;
  }

  private add(slot: number, hash: number, source: Uint8Array, start: number, end: number): number {
    const id = this.count++;
    if (id === this.starts.length) this.growIds();
    const length = end - start;
    if (this.used + length > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + length));
      this.bytes.copy(bigger, 0, 0, this.used);
      this.bytes = bigger;
    }
    this.bytes.set(source.subarray(start, end), this.used);
    this.starts[id] = this.used;
    this.used += length;
    this.ends[id] = this.used;
    this.hashes[id] = hash;
    this.table[slot] = id;
    // At most half full, so probes stay short.
    if (this.count * 2 > this.table.length) this.rehash();
    return id;
  }

  private growIds(): void {
    const size = this.starts.length * 2;
    const grow = (a: Uint32Array): Uint32Array<ArrayBuffer> => {
      const b = new Uint32Array(size);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts);
    this.ends = grow(this.ends);
    this.hashes = grow(this.hashes);
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(EMPTY);
    const mask = table.length - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = this.hashes[id]! & mask;
      while (table[slot] !== EMPTY) slot = (slot + 1) & mask;
      table[slot] = id;
    }
    this.table = table;
  }
}
