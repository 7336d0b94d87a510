/**
 * Per-repository canary markers: a string an owner plants in a repository (a comment, a
 * constant) that exists nowhere else, so any public text containing it came from that
 * repository. The marker is an HMAC of the repository id under a secret salt: owners cannot
 * forge another repository's marker, and leakwatch can re-derive it without storing it.
 * See docs/canaries.md.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const CANARY_PREFIX = 'lwcanary-';
const MARKER = /lwcanary-[0-9a-z]{26}/g;
const MIN_SALT_LENGTH = 16;

export function createCanaryMarker(repoId: string, salt: string): string {
  if (salt.length < MIN_SALT_LENGTH) throw new RangeError(`Canary salt must have at least ${MIN_SALT_LENGTH} characters`);
  const mac = createHmac('sha256', salt).update(`leakwatch-canary\0${repoId}`).digest();
  return CANARY_PREFIX + toBase32(mac).slice(0, 26);
}

export function isCanaryMarkerFor(marker: string, repoId: string, salt: string): boolean {
  const expected = Buffer.from(createCanaryMarker(repoId, salt));
  const given = Buffer.from(marker);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Every distinct canary-shaped string in a text, in order of first appearance. */
export function findCanaryMarkers(text: string): string[] {
  if (!text.includes(CANARY_PREFIX)) return [];
  return [...new Set(text.match(MARKER) ?? [])];
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

function toBase32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}
