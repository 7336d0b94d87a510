/**
 * What the matcher reads: a string, or a blob's bytes read as latin1 (one character per
 * byte). Bytes are only turned into strings for the regions the regexes run on, so a large
 * blob with a keyword or two is not copied whole.
 */
export interface Source {
  readonly length: number;
  /** Characters [start, end). */
  slice(start: number, end: number): string;
  /** Offset of the last newline in [lo, hi), or -1. */
  lastNewline(lo: number, hi: number): number;
  /** Offset of the first newline in [lo, hi), or -1. */
  firstNewline(lo: number, hi: number): number;
  /** Offset of the next newline at or after `from`, or -1. */
  nextNewline(from: number): number;
  includes(ascii: string): boolean;
}

export function stringSource(text: string): Source {
  return {
    length: text.length,
    slice: (start, end) => text.slice(start, end),
    lastNewline: (lo, hi) => {
      const i = text.slice(lo, hi).lastIndexOf('\n');
      return i < 0 ? -1 : lo + i;
    },
    firstNewline: (lo, hi) => {
      const i = text.slice(lo, hi).indexOf('\n');
      return i < 0 ? -1 : lo + i;
    },
    nextNewline: (from) => text.indexOf('\n', from),
    includes: (ascii) => text.includes(ascii),
  };
}

/** Spans up to this long are searched byte by byte: cheaper than a view for the native search. */
const SHORT_SPAN = 4096;
/** Regions are sliced once for all the rules that share them, up to this many characters. */
const MEMO_CHARS = 4 * 1024 * 1024;
const MEMO_SLICE = 64 * 1024;

export function bufferSource(data: Buffer): Source {
  const memo = new Map<number, string>();
  let memoChars = 0;
  return {
    length: data.length,
    slice: (start, end) => {
      if (end - start > MEMO_SLICE) return data.toString('latin1', start, end);
      const key = start * (MEMO_SLICE + 1) + (end - start);
      let text = memo.get(key);
      if (text === undefined) {
        text = data.toString('latin1', start, end);
        if (memoChars + text.length <= MEMO_CHARS) {
          memo.set(key, text);
          memoChars += text.length;
        }
      }
      return text;
    },
    lastNewline: (lo, hi) => {
      if (hi - lo <= SHORT_SPAN) {
        for (let i = hi - 1; i >= lo; i--) if (data[i] === 10) return i;
        return -1;
      }
      const i = data.subarray(lo, hi).lastIndexOf(10);
      return i < 0 ? -1 : lo + i;
    },
    firstNewline: (lo, hi) => {
      if (hi - lo <= SHORT_SPAN) {
        for (let i = lo; i < hi; i++) if (data[i] === 10) return i;
        return -1;
      }
      const i = data.subarray(lo, hi).indexOf(10);
      return i < 0 ? -1 : lo + i;
    },
    nextNewline: (from) => data.indexOf(10, from),
    includes: (ascii) => data.includes(ascii, 0, 'latin1'),
  };
}
