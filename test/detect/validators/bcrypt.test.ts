import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isBcryptHash } from '../../../src/detect/validators/bcrypt.js';

const ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const pick = (n: number): string => [...randomBytes(n)].map((b) => ALPHABET[b % 64]).join('');

/** A bcrypt-format string as an implementation writes it: 16 salt bytes and 23 hash bytes. */
function bcryptLike(cost: string, saltLast: string, hashLast: string): string {
  return `$2b$${cost}$${pick(21)}${saltLast}${pick(30)}${hashLast}`;
}

describe('isBcryptHash', () => {
  it('accepts the shape an implementation writes, whatever the random characters', () => {
    for (const saltLast of '.Oeu') expect(isBcryptHash(bcryptLike('12', saltLast, ALPHABET[4 * (randomBytes(1)[0]! % 16)]!))).toBe(true);
  });

  it('rejects a salt or hash whose padding bits are set, as hand-typed strings have', () => {
    expect(isBcryptHash(bcryptLike('12', 'f', 'C'))).toBe(false);
    expect(isBcryptHash(bcryptLike('12', 'O', 'D'))).toBe(false);
  });

  it('rejects costs outside 4 to 31 and wrong lengths', () => {
    expect(isBcryptHash(bcryptLike('03', 'O', 'C'))).toBe(false);
    expect(isBcryptHash(bcryptLike('32', 'O', 'C'))).toBe(false);
    expect(isBcryptHash(bcryptLike('10', 'O', 'C').slice(0, -1))).toBe(false);
  });
});
