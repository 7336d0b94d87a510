/**
 * Fills in line, end line and column for matches in one pass over the text's newlines,
 * however many matches there are.
 */
import type { Source } from './source.js';
import type { RawMatch } from './types.js';

export function locateMatches(text: Source, matches: RawMatch[]): void {
  matches.sort((a, b) => a.start - b.start || a.end - b.end);
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  for (const m of matches) {
    let nl = text.nextNewline(pos);
    while (nl !== -1 && nl < m.start) {
      line++;
      lineStart = nl + 1;
      nl = text.nextNewline(nl + 1);
    }
    pos = m.start;
    m.line = line;
    m.column = m.start - lineStart + 1;
    let endLine = line;
    let inner = nl;
    while (inner !== -1 && inner < m.end - 1) {
      endLine++;
      inner = text.nextNewline(inner + 1);
    }
    m.endLine = endLine;
  }
}
