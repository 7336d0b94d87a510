/**
 * A JWT is only a finding when its header decodes to JSON naming an algorithm and its payload
 * decodes to JSON claims that are not the documentation sample.
 */

/**
 * The claims of the sample token on jwt.io and in countless tutorials (`sub` 1234567890, `name`
 * John Doe, maybe `iat` and `admin`): documentation that no system accepts, whatever its
 * signature or claim order. A token that adds claims of its own (an issuer, an expiry) was minted
 * for some use, a test's at least, and stays a finding.
 */
const SAMPLE_EXTRA_CLAIMS = new Set(['iat', 'admin']);

export function isSampleJwtClaims(claims: object): boolean {
  const c = claims as Record<string, unknown>;
  if (String(c.sub) !== '1234567890' || c.name !== 'John Doe') return false;
  return Object.keys(c).every((k) => k === 'sub' || k === 'name' || SAMPLE_EXTRA_CLAIMS.has(k));
}

/** The payload of a `header.payload[.signature]` token as a JSON object, or null. */
export function jwtClaims(token: string): object | null {
  const [header, payload] = token.split('.');
  if (!header || !payload) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || !('alg' in parsed)) return null;
    const body: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof body === 'object' && body !== null ? body : null;
  } catch {
    return null;
  }
}

/**
 * The jwt.io sample token, known by its claims whatever its header and signature (a signature
 * part may be missing): documentation and tests of JWT verifiers, not a credential.
 */
export function isSampleJwt(value: string): boolean {
  if (!/^eyJ[\w-]{10,}\.eyJ[\w-]{10,}(?:\.[\w-]*)?$/.test(value)) return false;
  const claims = jwtClaims(value);
  return claims !== null && isSampleJwtClaims(claims);
}

export function isDecodableJwt(token: string): boolean {
  const claims = jwtClaims(token);
  return claims !== null && !isSampleJwtClaims(claims);
}
