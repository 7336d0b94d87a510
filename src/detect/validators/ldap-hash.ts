/**
 * An LDAP / Dovecot style password hash, `{SCHEME}base64`: the base64 must decode to exactly
 * the scheme's digest length, or for a salted scheme (SSHA, SMD5, ...) to the digest plus a salt
 * of 1 to 64 bytes.
 */
const DIGEST_BYTES: Readonly<Record<string, number>> = { MD5: 16, SHA: 20, SHA1: 20, SHA256: 32, SHA384: 48, SHA512: 64 };
const SHAPE = /^\{(S?)(MD5|SHA1?|SHA256|SHA384|SHA512)\}([A-Za-z0-9+/]{20,200}={0,2})$/i;

export function isLdapPasswordHash(value: string): boolean {
  const m = SHAPE.exec(value);
  if (!m || m[3]!.length % 4 !== 0) return false;
  const digest = DIGEST_BYTES[m[2]!.toUpperCase()]!;
  const bytes = Buffer.from(m[3]!, 'base64').length;
  return m[1] === '' ? bytes === digest : bytes > digest && bytes <= digest + 64;
}
