/**
 * Which quote characters stand an odd number of times in a text, escaped ones aside: a backslash
 * escapes the next character save a line break (as a regex's `\\.` reads it). One bit per quote:
 * 1 for `"`, 2 for `'`, 4 for a backtick. Asked of every generic candidate, so one loop, no copies.
 */
export const QUOTE_BIT: Readonly<Record<string, number>> = { '"': 1, "'": 2, '`': 4 };

export function oddQuotes(text: string, from = 0, to = text.length): number {
  let odd = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) {
      if (i + 1 < to && !LINE_BREAK.has(text.charCodeAt(i + 1))) i++;
    } else if (c === 0x22) odd ^= 1;
    else if (c === 0x27) odd ^= 2;
    else if (c === 0x60) odd ^= 4;
  }
  return odd;
}

/** The characters a regex's `.` does not match. */
const LINE_BREAK = new Set([0x0a, 0x0d, 0x2028, 0x2029]);
