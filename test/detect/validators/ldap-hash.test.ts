import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isLdapPasswordHash } from '../../../src/detect/validators/ldap-hash.js';

const b64 = (n: number): string => randomBytes(n).toString('base64');

describe('isLdapPasswordHash', () => {
  it('accepts unsalted digests of the exact length and salted ones with a salt', () => {
    expect(isLdapPasswordHash(`{SHA}${b64(20)}`)).toBe(true);
    expect(isLdapPasswordHash(`{SSHA}${b64(24)}`)).toBe(true);
    expect(isLdapPasswordHash(`{ssha512}${b64(72)}`)).toBe(true);
    expect(isLdapPasswordHash(`{MD5}${b64(16)}`)).toBe(true);
  });

  it('rejects lengths no digest has', () => {
    expect(isLdapPasswordHash(`{SHA}${b64(24)}`)).toBe(false);
    expect(isLdapPasswordHash(`{SSHA}${b64(20)}`)).toBe(false);
    expect(isLdapPasswordHash(`{SSHA256}${b64(18)}`)).toBe(false);
  });
});
