/**
 * A base64 value that decodes to printable "user:password" text, as in HTTP Basic auth headers,
 * `.docker/config.json` "auth" fields and `.npmrc` `_auth` lines. Random base64 rarely decodes
 * to printable text with a colon, so this drops look-alikes.
 */
export function isBase64Credentials(value: string): boolean {
  if (value.length % 4 === 1) return false;
  const text = Buffer.from(value, 'base64').toString('latin1');
  // (Latin-1 letters too: a password written in a European language, as HTTP clients test it.)
  if (!/^[\x20-\x7e\xc0-\xff]{3,300}$/.test(text)) return false;
  const colon = text.indexOf(':');
  return colon > 0 && colon < text.length - 1;
}
