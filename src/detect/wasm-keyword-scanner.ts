/**
 * The keyword prefilter in WebAssembly (src/detect/wasm/keyword-prefilter.as.ts): several
 * times faster than a JavaScript regex alternation of hundreds of keywords, which was half
 * of all scan time. WebAssembly flags the positions where a keyword's first four bytes (or a
 * whole three-byte keyword) occur, ASCII case folded; JavaScript confirms the rest of each
 * candidate keyword. Candidates come in order of position. Without the compiled module (not
 * built yet), or with keywords shorter than three bytes, callers fall back to the regex
 * prefilter.
 */
import { readFileSync } from 'node:fs';
import { packagePath } from '../util/package-root.js';

const BITMAP = 256;
const PREFIX4 = BITMAP + 131072;
const WORD3 = PREFIX4 + 16384;
const SLOTS = 4096;
const OUT = WORD3 + SLOTS * 4;
const CAPACITY = 16384;
const INPUT = OUT + CAPACITY * 4;
const PAGE = 65536;
/** Offsets share their u32 with two flag bits. */
export const WASM_MAX_BYTES = 2 ** 30;
/** A text larger than this is prefiltered in windows of this size (4 MB). */
export const WINDOW_BYTES = 4 * 1024 * 1024;

const FOLD = new Uint8Array(256).map((_, i) => (i >= 65 && i <= 90 ? i + 32 : i));

interface Exports {
  memory: WebAssembly.Memory;
  scan(input: number, start: number, length: number, out: number, capacity: number): number;
}

interface Keyword {
  bytes: Uint8Array;
  text: string;
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
  /** Keywords of four or more bytes by the word of their first four. */
  private readonly byPrefix = new Map<number, Keyword[]>();
  /** Three-byte keywords by their word. */
  private readonly byWord3 = new Map<number, string>();

  private constructor(
    private readonly exports: Exports,
    keywords: string[],
    private readonly windowBytes: number,
  ) {
    const memory = this.grow(INPUT);
    const bytes = new Uint8Array(memory.buffer);
    const words = new Uint32Array(memory.buffer);
    bytes.set(FOLD, 0);
    const mark = (word: number): void => {
      const bit = Math.imul(word | 0x20202020, 2654435761) >>> 12;
      bytes[BITMAP + (bit >>> 3)]! |= 1 << (bit & 7);
    };
    const insert = (table: number, word: number): void => {
      let i = Math.imul(word, 2654435761) >>> 20;
      while (words[table / 4 + i] !== 0 && words[table / 4 + i] !== word) i = (i + 1) & (SLOTS - 1);
      words[table / 4 + i] = word;
    };
    for (const keyword of keywords) {
      const k = Uint8Array.from(Buffer.from(keyword, 'latin1'));
      if (k.length >= 4) {
        const word = wordOf(k, 0, 4);
        mark(word);
        insert(PREFIX4, word);
        const list = this.byPrefix.get(word);
        if (list) list.push({ bytes: k, text: keyword });
        else this.byPrefix.set(word, [{ bytes: k, text: keyword }]);
      } else {
        // Whatever byte follows a three-byte keyword, the word at its start is in the bitmap.
        const word = wordOf(k, 0, 3);
        for (let next = 0; next < 256; next++) mark((word | (next << 24)) >>> 0);
        insert(WORD3, word);
        this.byWord3.set(word, keyword);
      }
    }
  }

  /**
   * null when the WebAssembly module has not been built or the keywords do not suit it.
   * `windowBytes`: how much of a text is in WebAssembly memory at a time.
   */
  static create(keywords: string[], windowBytes = WINDOW_BYTES): WasmKeywordScanner | null {
    const module = loadModule();
    if (!module || keywords.some((k) => k.length < 3 || /[^\x20-\x7e]/.test(k))) return null;
    // Each table stays at most half full, so a probe ends quickly.
    const prefixes = new Set(keywords.filter((k) => k.length >= 4).map((k) => k.slice(0, 4)));
    if (prefixes.size > SLOTS / 2 || keywords.length - prefixes.size > SLOTS / 2) return null;
    const instance = new WebAssembly.Instance(module, {});
    return new WasmKeywordScanner(instance.exports as unknown as Exports, keywords, windowBytes);
  }

  /**
   * Calls `onHit` with the offset and keyword of every keyword occurrence, ASCII case folded.
   * The text goes into WebAssembly memory one window at a time, so that memory (which never
   * shrinks) stays the size of one window whatever the largest text a worker has seen.
   */
  scan(data: Uint8Array, onHit: (offset: number, keyword: string) => void): void {
    if (data.length >= WASM_MAX_BYTES) throw new RangeError(`the WebAssembly prefilter takes less than ${WASM_MAX_BYTES} bytes`);
    const memory = this.grow(INPUT + Math.min(data.length, this.windowBytes) + 3);
    for (let from = 0; from < data.length; from += this.windowBytes) {
      const n = Math.min(this.windowBytes, data.length - from);
      // The window, then the three bytes after it that a keyword starting in it may need
      // (zeros past the end of the text).
      const after = Math.min(3, data.length - from - n);
      const input = new Uint8Array(memory.buffer, INPUT, n + 3);
      input.set(data.subarray(from, from + n + after));
      input.fill(0, n + after);
      let start = 0;
      for (;;) {
        const count = this.exports.scan(INPUT, start, n, OUT, CAPACITY);
        const hits = new Uint32Array(memory.buffer, OUT, count);
        for (let h = 0; h < count; h++) {
          const at = from + (hits[h]! & 0x3fffffff);
          if (hits[h]! & 0x40000000) onHit(at, this.byWord3.get(wordOf(data, at, 3))!);
          if (hits[h]! & 0x80000000) this.confirm(data, at, onHit);
        }
        if (count < CAPACITY) break;
        start = (hits[count - 1]! & 0x3fffffff) + 1;
      }
    }
  }

  /** Bytes of WebAssembly memory this scanner holds. */
  get memoryBytes(): number {
    return this.exports.memory.buffer.byteLength;
  }

  private confirm(data: Uint8Array, at: number, onHit: (offset: number, keyword: string) => void): void {
    for (const k of this.byPrefix.get(wordOf(data, at, 4))!) {
      if (at + k.bytes.length > data.length) continue;
      let same = true;
      for (let q = 4; q < k.bytes.length && same; q++) same = FOLD[data[at + q]!] === k.bytes[q];
      if (same) onHit(at, k.text);
    }
  }

  private grow(bytes: number): WebAssembly.Memory {
    const memory = this.exports.memory;
    const need = Math.ceil(bytes / PAGE) - memory.buffer.byteLength / PAGE;
    if (need > 0) memory.grow(need);
    return memory;
  }
}
