/**
 * Counts, per indexed file, the candidate fingerprints that fall in runs: consecutive usable
 * candidate fingerprints (allowing `gap` misses) that all occur in that file. It is the hot
 * loop of matching, so per-file state lives in reusable typed arrays indexed by file id instead
 * of per-candidate maps; only files that were touched are read back and reset.
 */
export class RunCounter {
  private lastOrd = new Int32Array(1024);
  private runLen = new Int32Array(1024);
  private runNew = new Int32Array(1024);
  private kept = new Int32Array(1024);
  private touched: number[] = [];

  private minRun = 1;
  private gap = 0;

  /**
   * Starts a candidate with a run rule; a counter is reused across candidates. Any state left
   * by a candidate that failed half-way (a store lookup threw) is cleared first.
   */
  configure(minRun: number, gap: number): this {
    if (this.touched.length > 0) this.finish();
    this.minRun = minRun;
    this.gap = gap;
    return this;
  }

  /** Candidate fingerprint number `ord` (among usable ones) occurs in file `id`. */
  add(id: number, ord: number, firstOfItsHash: boolean): void {
    if (id >= this.lastOrd.length) this.grow(id);
    const isNew = firstOfItsHash ? 1 : 0;
    if (this.runLen[id] === 0) {
      this.touched.push(id);
    } else if (ord - this.lastOrd[id]! <= this.gap + 1) {
      this.runLen[id]!++;
      this.runNew[id]! += isNew;
      this.lastOrd[id] = ord;
      return;
    } else {
      this.close(id);
    }
    this.runLen[id] = 1;
    this.runNew[id] = isNew;
    this.lastOrd[id] = ord;
  }

  /** Files with their count of first-seen hashes inside runs; resets the counter. */
  finish(): Map<number, number> {
    const out = new Map<number, number>();
    for (const id of this.touched) {
      this.close(id);
      if (this.kept[id]! > 0) out.set(id, this.kept[id]!);
      this.runLen[id] = 0;
      this.runNew[id] = 0;
      this.kept[id] = 0;
    }
    this.touched = [];
    return out;
  }

  private close(id: number): void {
    if (this.runLen[id]! >= this.minRun) this.kept[id]! += this.runNew[id]!;
  }

  private grow(id: number): void {
    const size = Math.max(id + 1, this.lastOrd.length * 2);
    const resize = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.lastOrd = resize(this.lastOrd);
    this.runLen = resize(this.runLen);
    this.runNew = resize(this.runNew);
    this.kept = resize(this.kept);
  }
}
