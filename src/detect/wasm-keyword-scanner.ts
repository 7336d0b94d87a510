/**
 * The keyword prefilter in WebAssembly (src/detect/wasm/keyword-prefilter.as.ts): several
 * times faster than a JavaScript regex alternation of hundreds of keywords, which was half
 * of all scan time. WebAssembly finds every keyword occurrence, ASCII case folded, whole: a
 * keyword's first four bytes are common in code ("cons" of consumer_key in every `const`) ten
 * times as often as the keyword, and confirming those in JavaScript cost as much as the scan.
 * Hits come in order of position, all of a text's at once as one array of numbers: one call
 * per hit into JavaScript cost a fifth as much as the scan itself. Without the compiled module
 * (not built yet), or with keywords shorter than three bytes, callers fall back to the regex
 * prefilter.
 */
import { readFileSync } from 'node:fs';
import { packagePath } from '../util/package-root.js';

const BITMAP = 256;
const PREFIX4 = BITMAP + 131072;
const WORD3 = PREFIX4 + 16384;
const PREFIX4_LIST = WORD3 + 16384;
const WORD3_ID = PREFIX4_LIST + 16384;
const ENTRIES = WORD3_ID + 16384;
const KEYWORD_BYTES = ENTRIES + 32768;
const KEYWORD_BYTES_MAX = 65536;
/** Entries are two u32 each, in 32 KiB; keyword indexes are 16 bits. */
const ENTRIES_MAX = 4096;
const SLOTS = 4096;
const OUT = KEYWORD_BYTES + KEYWORD_BYTES_MAX;
/** Hits per call, two u32 each. */
const CAPACITY = 16384;
const INPUT = OUT + CAPACITY * 8;
const PAGE = 65536;
/** The largest text the prefilter takes (offsets are u32; larger texts take the regex pass). */
export const WASM_MAX_BYTES = 2 ** 30;
/** A text larger than this is prefiltered in windows of this size (4 MB). */
export const WINDOW_BYTES = 4 * 1024 * 1024;

/** Hits (two u32 each) past which the array gathering a large text's hits is not kept for the next text. */
const SPILL_KEEP = 1 << 16;

const FOLD = new Uint8Array(256).map((_, i) => (i >= 65 && i <= 90 ? i + 32 : i));

interface Exports {
  memory: WebAssembly.Memory;
  scan(input: number, start: number, length: number, limit: number, out: number, capacity: number): number;
}

/**
 * The scanner's tables as plain data: the start of its memory (bitmap, hash tables, keyword
 * bytes) and the two numbers derived with it. Made once and handed to worker threads, which
 * copy them into their own instance instead of building them again (see matcher-tables.ts).
 */
export interface WasmTables {
  image: Uint8Array;
  tail: number;
  capacity: number;
}

let compiled: WebAssembly.Module | null | undefined;

function loadModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(readFileSync(packagePath('dist', 'wasm', 'keyword-prefilter.wasm')));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Little-endian word of up to four bytes at `at`, case folded the exact way (A-Z only). */
function wordOf(bytes: ArrayLike<number>, at: number, length: number): number {
  let w = 0;
  for (let i = length - 1; i >= 0; i--) w = ((w << 8) | FOLD[bytes[at + i]!]!) >>> 0;
  return w;
}

export class WasmKeywordScanner {
  /** How many bytes after a window a keyword starting in it may need. */
  private readonly tail: number;
  /** Hits asked for per call: room is left for every keyword that can start at one offset. */
  private readonly capacity: number;
  /** A text's hits when they do not come from one call (several windows, or more than `capacity`). */
  private spill = new Uint32Array(0);

  private constructor(
    private readonly exports: Exports,
    keywords: string[] | WasmTables,
    private readonly windowBytes: number,
  ) {
    const memory = this.grow(INPUT);
    if (!Array.isArray(keywords)) {
      new Uint8Array(memory.buffer).set(keywords.image);
      this.tail = keywords.tail;
      this.capacity = keywords.capacity;
      return;
    }
    const bytes = new Uint8Array(memory.buffer);
    const words = new Uint32Array(memory.buffer);
    bytes.set(FOLD, 0);
    const mark = (word: number): void => {
      const bit = Math.imul(word | 0x20202020, 2654435761) >>> 12;
      bytes[BITMAP + (bit >>> 3)]! |= 1 << (bit & 7);
    };
    const insert = (table: number, word: number): number => {
      let i = Math.imul(word, 2654435761) >>> 20;
      while (words[table / 4 + i] !== 0 && words[table / 4 + i] !== word) i = (i + 1) & (SLOTS - 1);
      words[table / 4 + i] = word;
      return i;
    };
    // Keywords of four or more bytes by the slot of their first four, in keyword order.
    const bySlot = new Map<number, number[]>();
    keywords.forEach((keyword, index) => {
      const k = Buffer.from(keyword, 'latin1');
      if (k.length >= 4) {
        const word = wordOf(k, 0, 4);
        mark(word);
        const at = insert(PREFIX4, word);
        const list = bySlot.get(at);
        if (list) list.push(index);
        else bySlot.set(at, [index]);
      } else {
        // Whatever byte follows a three-byte keyword, the word at its start is in the bitmap.
        const word = wordOf(k, 0, 3);
        for (let next = 0; next < 256; next++) mark((word | (next << 24)) >>> 0);
        words[WORD3_ID / 4 + insert(WORD3, word)] = index;
      }
    });
    let entry = 0;
    let byteAt = KEYWORD_BYTES;
    let most = 0;
    for (const [at, list] of bySlot) {
      words[PREFIX4_LIST / 4 + at] = ((entry << 16) | list.length) >>> 0;
      most = Math.max(most, list.length);
      for (const index of list) {
        const k = keywords[index]!;
        words[ENTRIES / 4 + 2 * entry] = (index | (k.length << 16)) >>> 0;
        words[ENTRIES / 4 + 2 * entry + 1] = byteAt;
        for (let q = 0; q < k.length; q++) bytes[byteAt + q] = FOLD[k.charCodeAt(q)]!;
        byteAt += k.length;
        entry++;
      }
    }
    this.tail = Math.max(3, ...keywords.map((k) => k.length)) - 1;
    this.capacity = CAPACITY - (most + 1);
  }

  /**
   * null when the WebAssembly module has not been built or the keywords do not suit it.
   * `windowBytes`: how much of a text is in WebAssembly memory at a time.
   */
  static create(keywords: string[], windowBytes = WINDOW_BYTES): WasmKeywordScanner | null {
    const module = loadModule();
    if (!module || keywords.some((k) => k.length < 3 || /[^\x20-\x7e]/.test(k))) return null;
    // Each table stays at most half full, so a probe ends quickly; the keywords fit their tables.
    const prefixes = new Set(keywords.filter((k) => k.length >= 4).map((k) => k.slice(0, 4)));
    if (prefixes.size > SLOTS / 2 || keywords.length - prefixes.size > SLOTS / 2) return null;
    if (keywords.length > ENTRIES_MAX || keywords.reduce((n, k) => n + k.length, 0) > KEYWORD_BYTES_MAX || keywords.some((k) => k.length > 0xffff)) return null;
    const instance = new WebAssembly.Instance(module, {});
    return new WasmKeywordScanner(instance.exports as unknown as Exports, keywords, windowBytes);
  }

  /** A scanner whose tables are `tables` (from `tables()` of one made by `create`), or null without the module. */
  static fromTables(tables: WasmTables, windowBytes = WINDOW_BYTES): WasmKeywordScanner | null {
    const module = loadModule();
    if (!module) return null;
    if (tables.image.byteLength !== OUT) throw new RangeError(`WebAssembly prefilter tables of ${tables.image.byteLength} bytes, not ${OUT}`);
    const instance = new WebAssembly.Instance(module, {});
    return new WasmKeywordScanner(instance.exports as unknown as Exports, tables, windowBytes);
  }

  /** A copy of this scanner's tables, for `fromTables`. */
  tables(): WasmTables {
    return { image: new Uint8Array(this.exports.memory.buffer, 0, OUT).slice(), tail: this.tail, capacity: this.capacity };
  }

  /**
   * Every keyword occurrence in `data`, ASCII case folded, as pairs in one array: offset, then
   * the keyword's index in the keywords given to `create`; in order of offset, and at one
   * offset in a fixed order. The array is a view of memory this scanner reuses: read it before
   * the next call. The text goes into WebAssembly memory one window at a time, so that memory
   * (which never shrinks) stays the size of one window whatever the largest text a worker has seen.
   */
  scan(data: Uint8Array): Uint32Array {
    if (data.length >= WASM_MAX_BYTES) throw new RangeError(`the WebAssembly prefilter takes less than ${WASM_MAX_BYTES} bytes`);
    const memory = this.grow(INPUT + Math.min(data.length, this.windowBytes) + this.tail + 3);
    if (this.spill.length > 2 * SPILL_KEEP) this.spill = new Uint32Array(0);
    let total = 0;
    for (let from = 0; from < data.length; from += this.windowBytes) {
      const n = Math.min(this.windowBytes, data.length - from);
      // The window, then the bytes after it that a keyword starting in it may need, then three
      // zero bytes (the last starts load a word).
      const limit = n + Math.min(this.tail, data.length - from - n);
      const input = new Uint8Array(memory.buffer, INPUT, limit + 3);
      input.set(data.subarray(from, from + limit));
      input.fill(0, limit);
      let start = 0;
      for (;;) {
        const count = this.exports.scan(INPUT, start, n, limit, OUT, this.capacity);
        const hits = new Uint32Array(memory.buffer, OUT, 2 * count);
        // A text of one window whose hits came in one call (nearly every text): the output itself.
        if (n === data.length && start === 0 && count < this.capacity) return hits;
        this.keep(hits, total, from);
        total += 2 * count;
        if (count < this.capacity) break;
        start = hits[2 * count - 2]! + 1;
      }
    }
    return this.spill.subarray(0, total);
  }

  /** Copies one call's hits to the spill array at `at`, their offsets moved by the window's start. */
  private keep(hits: Uint32Array, at: number, from: number): void {
    if (at + hits.length > this.spill.length) {
      const bigger = new Uint32Array(Math.max(at + hits.length, 2 * this.spill.length));
      bigger.set(this.spill.subarray(0, at));
      this.spill = bigger;
    }
    this.spill.set(hits, at);
    if (from > 0) for (let h = at; h < at + hits.length; h += 2) this.spill[h]! += from;
  }

  /** Bytes of WebAssembly memory this scanner holds. */
  get memoryBytes(): number {
    return this.exports.memory.buffer.byteLength;
  }

  private grow(bytes: number): WebAssembly.Memory {
    const memory = this.exports.memory;
    const need = Math.ceil(bytes / PAGE) - memory.buffer.byteLength / PAGE;
    if (need > 0) memory.grow(need);
    return memory;
  }
}
