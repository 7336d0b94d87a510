/**
 * Fake credentials built at run time from parts, so no literal credential ever sits in the
 * repository for a scanner (ours included) to find.
 */
import { randomBytes } from 'node:crypto';

const UPPER = String.fromCharCode(...Array.from({ length: 26 }, (_, i) => 65 + i));
const BASE32 = `${UPPER}234567`;
const ALNUM = `${UPPER}${UPPER.toLowerCase()}0123456789`;

function randomFrom(alphabet: string, length: number): string {
  return Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');
}

export function fakeAccessKeyId(prefix = ['AK', 'IA'].join('')): string {
  return prefix + randomFrom(BASE32, 16);
}

export function fakeSecretAccessKey(): string {
  return randomBytes(30).toString('base64');
}

export function fakeGitHubToken(prefix = ['gh', 'p_'].join('')): string {
  return prefix + randomFrom(ALNUM, 36);
}
