/** A JWT is only a finding when its header decodes to JSON naming an algorithm. */
export function isDecodableJwt(token: string): boolean {
  const [header, payload] = token.split('.');
  if (!header || !payload) return false;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || !('alg' in parsed)) return false;
    const body: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof body === 'object' && body !== null;
  } catch {
    return false;
  }
}
