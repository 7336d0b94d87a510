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
  readonly ids: number[];
  /** 1-based source line of each token. */
  readonly lines: number[];
  /** Number of lines in the text. */
  readonly lineCount: number;
}

export const ID_TOKEN = fnv1a32('\u0001ID');
export const NUM_TOKEN = fnv1a32('\u0001NUM');
export const STR_TOKEN = fnv1a32('\u0001STR');

const KEYWORD_IDS = new Map<string, number>([...KEYWORDS].map((w) => [w, fnv1a32(`k:${w}`)]));
const PUNCT_IDS: number[] = Array.from({ length: 128 }, (_, c) => fnv1a32(`p:${String.fromCharCode(c)}`));
const COMMA = PUNCT_IDS[44]!;

const NL = 10;
const BACKSLASH = 92;

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || (c >= 128 && !isSpace(c));
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
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

export function tokenize(text: string): TokenStream {
  const ids: number[] = [];
  const lines: number[] = [];
  const n = text.length;
  let line = 1;
  let i = 0;

  const skipTo = (end: number): void => {
    for (let j = i; j < end; j++) if (text.charCodeAt(j) === NL) line++;
    i = end;
  };
  const emit = (id: number, at: number): void => {
    ids.push(id);
    lines.push(at);
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === NL) {
      line++;
      i++;
    } else if (isSpace(c)) {
      i++;
    } else if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentPart(text.charCodeAt(j))) j++;
      emit(KEYWORD_IDS.get(text.slice(i, j)) ?? ID_TOKEN, line);
      i = j;
    } else if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isIdentPart(d) || d === 46) j++;
        else if ((d === 43 || d === 45) && (text.charCodeAt(j - 1) | 32) === 101) j++;
        else break;
      }
      emit(NUM_TOKEN, line);
      i = j;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? n : end;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      skipTo(end === -1 ? n : end + 2);
    } else if (c === 35 && isHashComment(text, i)) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? n : end;
    } else if (c === 60 && text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      skipTo(end === -1 ? n : end + 3);
    } else if (c === 34 || c === 39 || c === 96) {
      const { end, token } = readQuoted(text, i, c);
      if (token !== undefined) emit(token, line);
      skipTo(Math.min(end, n));
    } else if (c === 59) {
      i++;
    } else {
      if ((c === 41 || c === 93 || c === 125) && ids[ids.length - 1] === COMMA) {
        ids.pop();
        lines.pop();
      }
      emit(c < 128 ? PUNCT_IDS[c]! : ID_TOKEN, line);
      i++;
    }
  }
  return { ids, lines, lineCount: countLines(text) };
}

/**
 * Reads a string literal starting at `start`: where it ends and which token it makes. `"` and
 * `'` strings end at the line end when unterminated (an apostrophe in prose must not swallow
 * the file); triple quotes and backtick templates may span lines but, when never closed, count
 * as punctuation instead. A markdown fence (```) makes no token at all.
 */
function readQuoted(text: string, start: number, quote: number): { end: number; token?: number } {
  const n = text.length;
  const q = String.fromCharCode(quote);
  if (text.startsWith(q + q + q, start)) {
    if (quote === 96) return { end: start + 3 };
    const close = text.indexOf(q + q + q, start + 3);
    return { end: close === -1 ? start + 3 : close + 3, token: STR_TOKEN };
  }
  const multiline = quote === 96;
  let j = start + 1;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (d === BACKSLASH) j += 2;
    else if (d === quote) return { end: j + 1, token: STR_TOKEN };
    else if (d === NL && !multiline) return { end: j, token: STR_TOKEN };
    else j++;
  }
  return multiline ? { end: start + 1, token: PUNCT_IDS[quote]! } : { end: n, token: STR_TOKEN };
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
