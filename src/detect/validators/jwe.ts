/**
 * A JWE in compact form: five base64url parts, the first a JSON header naming both the key
 * management algorithm (`alg`) and the content encryption (`enc`); the ciphertext is not empty.
 */
export function isDecodableJwe(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 5 || parts[3]!.length === 0) return false;
  try {
    const header: unknown = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null && 'alg' in header && 'enc' in header;
  } catch {
    return false;
  }
}
