/**
 * A PEM private key written as string literals joined in code (`'-----BEGIN ...-----\n' +`
 * then one quoted body line per source line; `+`, `.`, `..` or adjacent literals as in Python
 * and C): with the joins taken out and the `\n` escapes read, it must pass the `pem` check.
 * At least one join is required, so a block in one literal stays the `pem-escaped` rule's.
 */
import { isPemKeyBlock } from './pem.js';

/** A closing quote, the operator joining two literals (or none), and the next opening quote. */
const JOIN = /["'`][ \t]{0,40}(?:\+|\.{1,2}|\\)?[ \t]{0,40}(?:\r?\n[ \t]{0,80}(?:\+|\.{1,2})?[ \t]{0,40})?["'`]/g;

export function isConcatenatedPemKey(value: string): boolean {
  const joined = value.replace(JOIN, '');
  if (joined === value) return false;
  const text = joined
    .replace(/\\r/g, '')
    .replace(/\\n/g, '\n')
    // Literals without \n escapes put the header, body and footer on one line.
    .replace(/^(-----BEGIN [A-Z0-9 ]{3,40}-----)(?!\r?\n)/, '$1\n')
    .replace(/(?<!\n)(-----END [A-Z0-9 ]{3,40}-----)$/, '\n$1');
  return isPemKeyBlock(text);
}
