/**
 * Language-agnostic tokenizer for code fingerprinting. It turns any text into a stream of token
 * ids that survives the edits people make when they copy code: whitespace, indentation, line
 * breaks and comments are dropped; every identifier becomes one `ID` class token and every
 * numeric or string literal one `NUM` / `STR` token, so consistent renaming and changed
 * constants leave the stream unchanged; keywords (see keywords.ts) stay verbatim because they
 * carry the structure. Punctuation is one token per character so `a===b` and `a === b` agree.
 * Two pieces of style noise are dropped outright: `;` (JavaScript's optional semicolons) and a
 * trailing `,` before a closing bracket. Each token keeps the 1-based line it starts on.
 */
import { fnv1a32 } from './hash32.js';
import { KEYWORDS } from './keywords.js';

export interface TokenStream {
  /** Token ids (stable 32-bit values; see hash32.ts). */
  readonly ids: Uint32Array;
  /** 1-based source line of each token. */
  readonly lines: Uint32Array;
  /** 1 where the token is a word (identifier or keyword), 0 for literals (`true` and `null` too) and punctuation. */
  readonly words: Uint8Array;
  /** Number of lines in the text. */
  readonly lineCount: number;
}

export const ID_TOKEN = fnv1a32('\u0001ID');
export const NUM_TOKEN = fnv1a32('\u0001NUM');
export const STR_TOKEN = fnv1a32('\u0001STR');

/** Keywords by the FNV-1a hash of the word itself, so the scanner can look one up without slicing. */
// Keyword literals are data, not structure: a JSON file of `true`/`null` values is still data.
const LITERAL_KEYWORDS = new Set(['true', 'false', 'null', 'undefined', 'None', 'True', 'False', 'nil']);
const KEYWORD_BY_HASH = new Map<number, { word: string; id: number; isWord: number }>(
  [...KEYWORDS].map((w) => [fnv1a32(w), { word: w, id: fnv1a32(`k:${w}`), isWord: LITERAL_KEYWORDS.has(w) ? 0 : 1 }]),
);
/** Ids of keyword tokens. */
export const KEYWORD_IDS: ReadonlySet<number> = new Set([...KEYWORD_BY_HASH.values()].map((k) => k.id));
const PUNCT_IDS: number[] = Array.from({ length: 128 }, (_, c) => fnv1a32(`p:${String.fromCharCode(c)}`));
const COMMA = PUNCT_IDS[44]!;

const NL = 10;
const BACKSLASH = 92;

// ASCII character classes: 1 identifier start, 2 identifier part only (digits).
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36) CLASS[c] = 1;
  else if (c >= 48 && c <= 57) CLASS[c] = 2;
}

function isIdentStart(c: number): boolean {
  return c < 128 ? CLASS[c] === 1 : !isSpace(c);
}

function isIdentPart(c: number): boolean {
  return c < 128 ? CLASS[c] !== 0 : !isSpace(c);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff
    || c === 0x2028 || c === 0x2029 || c === 0x3000;
}

/** `#` starts a comment only where that is unambiguous: before a space, `#`, `!` or line end. */
function isHashComment(text: string, i: number): boolean {
  const next = text.charCodeAt(i + 1);
  return Number.isNaN(next) || next === 32 || next === 9 || next === NL || next === 13 || next === 35 || next === 33;
}

let scratchIds = new Uint32Array(0);
let scratchLines = new Uint32Array(0);
let scratchWords = new Uint8Array(0);

export function tokenize(text: string): TokenStream {
  const n = text.length;
  // Never more tokens than characters: scratch buffers sized once and reused (GC-bound otherwise).
  if (scratchIds.length < n) {
    scratchIds = new Uint32Array(Math.max(n, scratchIds.length * 2));
    scratchLines = new Uint32Array(scratchIds.length);
    scratchWords = new Uint8Array(scratchIds.length);
  }
  const ids = scratchIds;
  const lines = scratchLines;
  const words = scratchWords;
  let count = 0;
  let line = 1;
  let i = 0;

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === NL) {
      line++;
      i++;
    } else if (isSpace(c)) {
      i++;
    } else if (isIdentStart(c)) {
      let h = Math.imul(0x811c9dc5 ^ c, 0x01000193);
      let j = i + 1;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (!isIdentPart(d)) break;
        h = Math.imul(h ^ d, 0x01000193);
      }
      const kw = KEYWORD_BY_HASH.get(h >>> 0);
      const isKeyword = kw !== undefined && kw.word.length === j - i && text.startsWith(kw.word, i);
      ids[count] = isKeyword ? kw.id : ID_TOKEN;
      words[count] = isKeyword ? kw.isWord : 1;
      lines[count++] = line;
      i = j;
    } else if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isIdentPart(d) || d === 46) j++;
        else if ((d === 43 || d === 45) && (text.charCodeAt(j - 1) | 32) === 101) j++;
        else break;
      }
      ids[count] = NUM_TOKEN;
      words[count] = 0;
      lines[count++] = line;
      i = j;
    } else if ((c === 47 && text.charCodeAt(i + 1) === 47) || (c === 35 && isHashComment(text, i))) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? n : end;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      const to = end === -1 ? n : end + 2;
      line += countNewlines(text, i, to);
      i = to;
    } else if (c === 60 && text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      const to = end === -1 ? n : end + 3;
      line += countNewlines(text, i, to);
      i = to;
    } else if (c === 34 || c === 39 || c === 96) {
      const packed = readQuoted(text, i, c);
      const to = Math.min(Math.floor(packed / 4), n);
      const kind = packed % 4;
      if (kind !== NO_TOKEN) {
        ids[count] = kind === STRING ? STR_TOKEN : PUNCT_IDS[c]!;
        words[count] = 0;
        lines[count++] = line;
      }
      // Only templates and triple quotes can span lines.
      if (c === 96 || to - i >= 6) line += countNewlines(text, i, to);
      i = to;
    } else if (c === 59) {
      i++;
    } else {
      if ((c === 41 || c === 93 || c === 125) && count > 0 && ids[count - 1] === COMMA) count--;
      ids[count] = c < 128 ? PUNCT_IDS[c]! : ID_TOKEN;
      words[count] = c < 128 ? 0 : 1;
      lines[count++] = line;
      i++;
    }
  }
  return { ids: ids.slice(0, count), lines: lines.slice(0, count), words: words.slice(0, count), lineCount: countLines(text) };
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

const NO_TOKEN = 0;
const STRING = 1;
const PUNCT = 2;

/**
 * Reads a string literal starting at `start`: returns `end * 4 + kind` (kind: no token, a
 * string, or the quote as punctuation), packed to keep the hot loop allocation-free. `"` and
 * `'` strings end at the line end when unterminated (an apostrophe in prose must not swallow
 * the file); triple quotes and backtick templates may span lines but, when never closed, count
 * as punctuation instead. A markdown fence (```) makes no token at all.
 */
function readQuoted(text: string, start: number, quote: number): number {
  const n = text.length;
  if (text.charCodeAt(start + 1) === quote && text.charCodeAt(start + 2) === quote) {
    if (quote === 96) return (start + 3) * 4 + NO_TOKEN;
    const close = text.indexOf(quote === 34 ? '"""' : "'''", start + 3);
    return (close === -1 ? start + 3 : close + 3) * 4 + STRING;
  }
  const multiline = quote === 96;
  let j = start + 1;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (d === BACKSLASH) j += 2;
    else if (d === quote) return (j + 1) * 4 + STRING;
    else if (d === NL && !multiline) return j * 4 + STRING;
    else j++;
  }
  return multiline ? (start + 1) * 4 + PUNCT : n * 4 + STRING;
}

export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let count = 1;
  let at = text.indexOf('\n');
  while (at !== -1) {
    count++;
    at = text.indexOf('\n', at + 1);
  }
  return text.endsWith('\n') ? count - 1 : count;
}
