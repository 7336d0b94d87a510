/**
 * Does a stored secret value hold the leaked one? Compared by SHA-256 digest with
 * `timingSafeEqual`, against the whole value and, for JSON secrets, every string field (the
 * usual `{"username":..,"password":..}` shape), so no value is ever compared or kept in the clear.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export function sha256(value: string | Uint8Array): Buffer {
  return createHash('sha256').update(value).digest();
}

/** The JSON path of the matching field, '' for the whole value, undefined for no match. */
export function matchValue(stored: string | Uint8Array, target: Buffer): string | undefined {
  if (timingSafeEqual(sha256(stored), target)) return '';
  if (typeof stored !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return undefined;
  }
  return matchJson(parsed, target, '', 0);
}

function matchJson(node: unknown, target: Buffer, path: string, depth: number): string | undefined {
  if (typeof node === 'string') return timingSafeEqual(sha256(node), target) ? path : undefined;
  if (depth > 4 || typeof node !== 'object' || node === null) return undefined;
  for (const [key, child] of Object.entries(node)) {
    const found = matchJson(child, target, path === '' ? key : `${path}.${key}`, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
