import { isSampleJwtClaims } from './jwt.js';

/**
 * An unsigned JWT (`alg: none`, empty signature): anyone can mint one, so it is only a finding
 * when its payload decodes to JSON claims, and its header really says `none`.
 */
export function isUnsignedJwt(token: string): boolean {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || signature !== '') return false;
  try {
    const head: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    if (typeof head !== 'object' || head === null || !('alg' in head) || String(head.alg).toLowerCase() !== 'none') return false;
    const body: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof body === 'object' && body !== null && !isSampleJwtClaims(body);
  } catch {
    return false;
  }
}
