/**
 * An LDAP / Dovecot style password hash, `{SCHEME}base64`: the base64 must decode to exactly
 * the scheme's digest length, or for a salted scheme (SSHA, SMD5, ...) to the digest plus a salt
 * of 1 to 64 bytes. An unsalted digest may also be written in hex ({SHA}5baa61e4…, as passlib's
 * ldap_hex_sha1 and some directories store it): exactly twice the digest's length.
 */
const DIGEST_BYTES: Readonly<Record<string, number>> = { MD5: 16, SHA: 20, SHA1: 20, SHA256: 32, SHA384: 48, SHA512: 64 };
const SHAPE = /^\{(S?)(MD5|SHA1?|SHA256|SHA384|SHA512)\}([A-Za-z0-9+/]{20,200}={0,2})$/i;

export function isLdapPasswordHash(value: string): boolean {
  const m = SHAPE.exec(value);
  if (!m) return false;
  const digest = DIGEST_BYTES[m[2]!.toUpperCase()]!;
  if (m[1] === '' && /^[0-9a-f]+$/i.test(m[3]!) && m[3]!.length === digest * 2) return true;
  if (m[3]!.length % 4 !== 0) return false;
  const bytes = Buffer.from(m[3]!, 'base64').length;
  return m[1] === '' ? bytes === digest : bytes > digest && bytes <= digest + 64;
}
