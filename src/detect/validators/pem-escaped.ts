/**
 * A PEM private key written inside a string literal, with "\n" escapes instead of line breaks
 * (JSON, .env, YAML flow strings): unescaped, it must pass the same check as a PEM block.
 */
import { isPemKeyBlock } from './pem.js';

export function isEscapedPemKey(value: string): boolean {
  return isPemKeyBlock(value.replace(/\\r/g, '').replace(/\\n/g, '\n'));
}
