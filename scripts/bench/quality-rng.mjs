// Seeded randomness and token-shaped string helpers for the quality corpus. Everything the
// corpus contains is derived from one seed, so two builds give byte-identical repositories.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';

export const CHARSETS = {
  digits: '0123456789',
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  upperAlnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  lowerAlnum: 'abcdefghijklmnopqrstuvwxyz0123456789',
  base32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  base62: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
};

/** sfc32: small, fast and good enough for test data; seeded through splitmix32. */
export function createRng(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  const rng = {
    float: next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    chars: (charset, n) => {
      const set = CHARSETS[charset] ?? charset;
      let out = '';
      for (let i = 0; i < n; i++) out += set[Math.floor(next() * set.length)];
      return out;
    },
    bytes: (n) => {
      const out = Buffer.alloc(n);
      for (let i = 0; i < n; i++) out[i] = Math.floor(next() * 256);
      return out;
    },
    shuffle: (list) => {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    uuid: () => {
      const h = rng.chars('hex', 32);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${rng.pick(['8', '9', 'a', 'b'])}${h.slice(17, 20)}-${h.slice(20)}`;
    },
  };
  return rng;
}

export function sha256(text) {
  return createHash('sha256').update(text, 'latin1').digest('hex');
}

/** Joins parts, so that no distinctive token prefix appears literally in our own sources. */
export const p = (...parts) => parts.join('');

export function base62(value, width) {
  const set = CHARSETS.base62;
  let out = '';
  let n = value >>> 0;
  while (n > 0) {
    out = set[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(width, '0');
}

/** GitHub / npm style: prefix + 30 random base62 + base62(crc32(random)) padded to 6. */
export function crcToken(rng, prefix) {
  const body = rng.chars('base62', 30);
  return prefix + body + base62(crc32(body), 6);
}

/** The same shape with a checksum that does not match: a typo'd or invented token. */
export function badCrcToken(rng, prefix) {
  const body = rng.chars('base62', 30);
  const good = base62(crc32(body), 6);
  let bad = good;
  while (bad === good) bad = rng.chars('base62', 6);
  return prefix + body + bad;
}

export function b64url(text) {
  return Buffer.from(text).toString('base64url');
}
