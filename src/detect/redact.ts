/**
 * The only forms in which a found secret ever leaves memory: a short preview with a few
 * characters at each end, and its SHA-256.
 */
import { createHash } from 'node:crypto';

export function redact(secret: string): string {
  const flat = secret.replace(/\s+/g, ' ');
  const n = flat.length;
  const keep = n >= 20 ? 4 : n >= 12 ? 2 : n >= 8 ? 1 : 0;
  if (keep === 0) return '…';
  return `${flat.slice(0, keep)}…${flat.slice(n - keep)}`;
}

/** SHA-256 of the secret's original bytes (texts are held as latin1, one char per byte). */
export function secretSha256(secret: string): string {
  return createHash('sha256').update(Buffer.from(secret, 'latin1')).digest('hex');
}
