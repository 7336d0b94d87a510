/**
 * GitHub (ghp_, gho_, ghu_, ghs_, ghr_) and npm (npm_) tokens end in six base62 characters
 * holding the CRC32 of the 30 random characters before them. A typo'd or invented token fails.
 */
import { crc32 } from 'node:zlib';
import { toBase62 } from '../base62.js';

export function hasValidCrc32Checksum(token: string): boolean {
  const underscore = token.indexOf('_');
  if (underscore < 0) return false;
  const body = token.slice(underscore + 1);
  if (body.length !== 36) return false;
  return toBase62(crc32(body.slice(0, 30)), 6) === body.slice(30);
}
