/**
 * One code-search query for one distinctive string: the string as a quoted phrase. GitHub
 * rejects queries of 256 characters or more, so a long string is cut to its longest prefix
 * that fits (a prefix of a rare literal is still rare); quotes and backslashes, which cannot be
 * escaped inside a phrase, end the usable part.
 */
export const MAX_QUERY_LENGTH = 255;
const MIN_TERM_LENGTH = 8;

export function buildCodeSearchQuery(value: string, qualifiers = ''): string | undefined {
  const usable = value.split(/["\\\n\r]/)[0]!.trim();
  const suffix = qualifiers ? ` ${qualifiers}` : '';
  const room = MAX_QUERY_LENGTH - suffix.length - 2;
  const phrase = usable.slice(0, room).trim();
  if (phrase.length < MIN_TERM_LENGTH) return undefined;
  return `"${phrase}"${suffix}`;
}
