import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isDecodableJwe } from '../../../src/detect/validators/jwe.js';
import { isDecodableJwt } from '../../../src/detect/validators/jwt.js';
import { isConcatenatedJwt } from '../../../src/detect/validators/jwt-concatenated.js';
import { isUnsignedJwt } from '../../../src/detect/validators/jwt-unsigned.js';

const enc = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const rand = (n: number): string => randomBytes(n).toString('base64url');
const claims = (): string => enc({ sub: rand(8), iat: 1700000000 });

describe('JWT variants', () => {
  it('isDecodableJwe: five parts with alg and enc in the header', () => {
    const header = enc({ alg: 'dir', enc: 'A128GCM' });
    expect(isDecodableJwe(`${header}..${rand(12)}.${rand(64)}.${rand(16)}`)).toBe(true);
    expect(isDecodableJwe(`${enc({ alg: 'HS256' })}..${rand(12)}.${rand(64)}.${rand(16)}`)).toBe(false);
    expect(isDecodableJwe(`${header}.${claims()}.${rand(32)}`)).toBe(false);
  });

  it('isUnsignedJwt: alg none, JSON claims and an empty signature', () => {
    expect(isUnsignedJwt(`${enc({ alg: 'none' })}.${claims()}.`)).toBe(true);
    expect(isUnsignedJwt(`${enc({ alg: 'HS256' })}.${claims()}.`)).toBe(false);
    expect(isUnsignedJwt(`${enc({ alg: 'none' })}.${claims()}.${rand(32)}`)).toBe(false);
  });

  it('isConcatenatedJwt: literals joined across lines make a decodable JWT', () => {
    const jwt = `${enc({ alg: 'HS256', typ: 'JWT' })}.${claims()}.${rand(32)}`;
    const cut = jwt.indexOf('.') + 10;
    expect(isConcatenatedJwt(`${jwt.slice(0, cut)}" +\n    "${jwt.slice(cut)}`)).toBe(true);
    expect(isConcatenatedJwt(`${jwt.slice(0, cut)}'\n  '${jwt.slice(cut)}`)).toBe(true);
    expect(isConcatenatedJwt(`eyJ${rand(20)}" +\n    "${rand(40)}`)).toBe(false);
  });
});

describe('the jwt.io sample token', () => {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const signature = ['k3Jd', '9sLq', 'Xw2N', 'p7Rv', 'Tz5M', 'b8Hc'].join('').repeat(2);
  it('is recognised by its claims, in any order and with any extra claim or signature', () => {
    const head = part({ alg: 'HS256', typ: 'JWT' });
    expect(isDecodableJwt(`${head}.${part({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })}.${signature}`)).toBe(false);
    expect(isDecodableJwt(`${head}.${part({ admin: true, name: 'John Doe', sub: '1234567890' })}.${signature}`)).toBe(false);
    expect(isDecodableJwt(`${head}.${part({ sub: '1234567890', name: 'Jane Roe' })}.${signature}`)).toBe(true);
    // Claims of its own (an issuer, an expiry): minted for some use.
    expect(isDecodableJwt(`${head}.${part({ sub: '1234567890', name: 'John Doe', iss: 'acme', exp: 1900000000 })}.${signature}`)).toBe(true);
  });
});
