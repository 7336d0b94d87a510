/**
 * Turns keyword hits into the regions each rule's full regex runs on: the hit's line (at most
 * `windowBytes` either side) for single-line rules, or `windowBytes` after it for multi-line
 * ones. Overlapping regions merge. The lines around a hit are found once for all the rules
 * its keyword stands for (a LineFinder per text), and each newline search only covers bytes
 * not searched before, so the work is linear even for one 20 MB line full of keywords.
 */
import type { Source } from './source.js';
import type { CompiledRule } from './types.js';

/**
 * Newlines around keyword hits, asked for in order of hit offset. `window` must be at least
 * every single-line rule's window.
 */
export class LineFinder {
  private backHit = -1;
  private backResult = -1;
  /** [aheadFrom, aheadTo) was searched; aheadResult is its first newline, or -1. */
  private aheadFrom = 0;
  private aheadTo = 0;
  private aheadResult = -1;

  constructor(
    private readonly text: Source,
    readonly window: number,
  ) {}

  /** The last newline in [hit - window, hit), or -1. */
  lastNewlineBefore(hit: number): number {
    if (hit === this.backHit) return this.backResult;
    const lo = Math.max(0, hit - this.window);
    let result: number;
    if (hit < this.backHit || lo >= this.backHit) {
      result = this.text.lastNewline(lo, hit);
    } else {
      // [lo, backHit) was covered by the previous answer; only [backHit, hit) is new.
      result = this.text.lastNewline(this.backHit, hit);
      if (result < 0) result = this.backResult >= lo ? this.backResult : -1;
    }
    this.backHit = hit;
    this.backResult = result;
    return result;
  }

  /** The first newline in [from, limit), or -1. */
  firstNewlineFrom(from: number, limit: number): number {
    let pos = from;
    if (pos < this.aheadFrom) {
      // A shorter keyword just after a longer one: only the few bytes before the cache are new.
      const nl = this.text.firstNewline(pos, Math.min(limit, this.aheadFrom));
      if (nl >= 0 || limit <= this.aheadFrom) return nl;
      pos = this.aheadFrom;
    }
    if (this.aheadResult >= 0 && pos <= this.aheadResult) return this.aheadResult < limit ? this.aheadResult : -1;
    let searchFrom = pos;
    if (this.aheadResult < 0 && pos < this.aheadTo) {
      if (limit <= this.aheadTo) return -1;
      searchFrom = this.aheadTo;
    } else {
      this.aheadFrom = pos;
    }
    const nl = this.text.firstNewline(searchFrom, limit);
    this.aheadTo = nl >= 0 ? nl + 1 : limit;
    this.aheadResult = nl;
    return nl;
  }
}

/** A rule's merged regions as [start, end, start, end, ...]. */
export class RangeSet {
  readonly bounds: number[] = [];
  private end = -1;
  private endIsNewline = false;

  /** The whole text as one region (a rule with `fileBytes` on a short file). */
  static whole(length: number): RangeSet {
    const set = new RangeSet();
    set.bounds.push(0, length);
    set.end = length;
    return set;
  }

  add(text: Source, lines: LineFinder, rule: CompiledRule, hit: number, hitLength: number): void {
    const w = rule.windowBytes;
    const wantEnd = Math.min(text.length, hit + hitLength + w);
    if (hit < this.end) {
      if (this.endIsNewline || wantEnd <= this.end) return;
      this.extendTo(lines, rule, hit, hitLength, wantEnd);
      return;
    }
    let start: number;
    if (rule.multiline) {
      start = Math.max(0, hit - 64, this.end);
    } else {
      const lo = Math.max(0, hit - w, this.end);
      const back = lines.lastNewlineBefore(hit);
      start = back < lo ? lo : back + 1;
    }
    if (start <= this.end) {
      this.bounds[this.bounds.length - 1] = this.end;
    } else {
      this.bounds.push(start, start);
    }
    this.end = start;
    this.endIsNewline = false;
    this.extendTo(lines, rule, hit, hitLength, Math.max(wantEnd, start));
  }

  /**
   * A single-line region holds no newline before its end, so the first newline at or after
   * its end is the first one after the hit's keyword (keywords have no newline).
   */
  private extendTo(lines: LineFinder, rule: CompiledRule, hit: number, hitLength: number, wantEnd: number): void {
    if (!rule.multiline) {
      const nl = lines.firstNewlineFrom(hit + hitLength, Math.min(wantEnd, hit + hitLength + lines.window));
      if (nl >= 0 && nl < wantEnd) {
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
