/**
 * Turns keyword hits into the regions each rule's full regex runs on: the hit's line (at most
 * `windowBytes` either side) for single-line rules, or `windowBytes` after it for multi-line
 * ones. Overlapping regions merge, and each newline search only covers bytes not searched
 * before, so the work is linear even for one 20 MB line full of keywords.
 */
import type { Source } from './source.js';
import type { CompiledRule } from './types.js';

/** A rule's merged regions as [start, end, start, end, ...]. */
export class RangeSet {
  readonly bounds: number[] = [];
  private end = -1;
  private endIsNewline = false;

  add(text: Source, rule: CompiledRule, hit: number, hitLength: number): void {
    const w = rule.windowBytes;
    const wantEnd = Math.min(text.length, hit + hitLength + w);
    if (hit < this.end) {
      if (this.endIsNewline || wantEnd <= this.end) return;
      this.extendTo(text, rule, wantEnd);
      return;
    }
    let start: number;
    if (rule.multiline) {
      start = Math.max(0, hit - 64, this.end);
    } else {
      const lo = Math.max(0, hit - w, this.end);
      const back = text.lastNewline(lo, hit);
      start = back < 0 ? lo : back + 1;
    }
    if (start <= this.end) {
      this.bounds[this.bounds.length - 1] = this.end;
    } else {
      this.bounds.push(start, start);
    }
    this.end = start;
    this.endIsNewline = false;
    this.extendTo(text, rule, Math.max(wantEnd, start));
  }

  private extendTo(text: Source, rule: CompiledRule, wantEnd: number): void {
    const from = this.end;
    if (!rule.multiline) {
      const nl = text.firstNewline(from, wantEnd);
      if (nl >= 0) {
        this.end = nl;
        this.endIsNewline = true;
        this.bounds[this.bounds.length - 1] = this.end;
        return;
      }
    }
    this.end = wantEnd;
    this.bounds[this.bounds.length - 1] = wantEnd;
  }
}
