/**
 * Fake credentials built at run time from parts, so no literal token is ever committed.
 * Each call returns a fresh random value.
 */
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { BASE62, toBase62 } from '../../src/detect/base62.js';
import { shannonEntropy } from '../../src/detect/entropy.js';
import { isPlaceholder } from '../../src/detect/is-placeholder.js';

/**
 * Random strings that a detector would reject as too plain (about 1 in 3,000 base64 strings
 * of 40 characters falls under an entropy floor of 4.3) are drawn again, so a test never
 * fails by chance.
 */
function randomLike(draw: () => string): string {
  for (;;) {
    const value = draw();
    if (shannonEntropy(value) >= 4.5 && !isPlaceholder(value)) return value;
  }
}

function pick(chars: string, n: number): string {
  const bytes = randomBytes(n);
  let out = '';
  for (let i = 0; i < n; i++) out += chars[bytes[i]! % chars.length];
  return out;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function awsKeyId(): string {
  return ['AK', 'IA'].join('') + pick(BASE32, 16);
}

export function awsSecretKey(): string {
  return randomLike(() => pick(`${BASE62}+/`, 40));
}

export function githubToken(prefix = 'ghp'): string {
  const body = randomLike(() => pick(BASE62, 30));
  return `${prefix}${'_'}${body}${toBase62(crc32(body), 6)}`;
}

export function pemPrivateKey(label = 'RSA PRIVATE KEY'): string {
  const lines = pick(`${BASE62}+/`, 64 * 16).match(/.{64}/g)!.join('\n');
  const dashes = '-'.repeat(5);
  return `${dashes}BEGIN ${label}${dashes}\n${lines}\n${dashes}END ${label}${dashes}`;
}
