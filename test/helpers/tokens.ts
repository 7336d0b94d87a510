/**
 * Fake credentials built at run time from parts, so no literal token is ever committed.
 * Each call returns a fresh random value.
 */
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { BASE62, toBase62 } from '../../src/detect/base62.js';

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
  // Resample until it has the entropy of a real key (random base64 nearly always does).
  return pick(`${BASE62}+/`, 40);
}

export function githubToken(prefix = 'ghp'): string {
  const body = pick(BASE62, 30);
  return `${prefix}${'_'}${body}${toBase62(crc32(body), 6)}`;
}

export function pemPrivateKey(label = 'RSA PRIVATE KEY'): string {
  const lines = pick(`${BASE62}+/`, 64 * 16).match(/.{64}/g)!.join('\n');
  const dashes = '-'.repeat(5);
  return `${dashes}BEGIN ${label}${dashes}\n${lines}\n${dashes}END ${label}${dashes}`;
}
