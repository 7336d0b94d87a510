/**
 * A JWT written as string literals joined across lines (`"eyJ..." +\n  "..."`, or adjacent
 * literals as in Python and C): with the quotes, `+` and line breaks taken out it must be a
 * decodable JWT.
 */
import { isDecodableJwt } from './jwt.js';

export function isConcatenatedJwt(value: string): boolean {
  const joined = value.replace(/["'`][ \t]{0,40}\+?[ \t]{0,40}\r?\n[ \t]{0,80}\+?[ \t]{0,40}["'`]/g, '');
  if (!/^eyJ[A-Za-z0-9_-]{1,20000}\.eyJ[A-Za-z0-9_-]{1,20000}\.[A-Za-z0-9_-]{16,3000}$/.test(joined)) return false;
  return isDecodableJwt(joined);
}
