/**
 * A value that is one character repeated between its separators: the nil UUID
 * (`00000000-0000-0000-0000-000000000000`), `11111111-1111-…`, `ffff…`. Documentation and
 * defaults write these where a key or an id will go; no generator makes one. Every rule's match
 * is checked, so a provider's UUID-shaped key (Heroku's) is not reported for one.
 */
export function repeatsOneCharacter(secret: string): boolean {
  const bare = secret.replace(/[-_.:/ ]/g, '');
  return bare.length >= 8 && /^(.)\1+$/.test(bare);
}
