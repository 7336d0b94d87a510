// Deterministic fake credentials for the benchmark corpus, shaped like the real formats so a
// scanner must find them. Prefixes are joined from parts so that no scanner finds a token in
// this source file; the values live only in the generated repository, and the corpus manifest
// keeps nothing but their SHA-256.
import { createHash } from 'node:crypto';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const BASE32 = `${UPPER}234567`;
const BASE62 = `0123456789${UPPER}${UPPER.toLowerCase()}`;
const BASE64 = `${UPPER}${UPPER.toLowerCase()}0123456789+/`;

/** A seeded stream of characters from an alphabet (SHA-256 in counter mode). */
export function createRandom(seed) {
  let counter = 0;
  let pool = [];
  const byte = () => {
    if (pool.length === 0) pool = [...createHash('sha256').update(`${seed}:${counter++}`).digest()];
    return pool.shift();
  };
  return {
    pick: (alphabet, length) => Array.from({ length }, () => alphabet[byte() % alphabet.length]).join(''),
    bytes: (length) => Buffer.from(Array.from({ length }, byte)),
  };
}

function crc32(text) {
  let crc = 0xffffffff;
  for (const b of Buffer.from(text)) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function base62(n, width) {
  let out = '';
  for (let v = n; v > 0; v = Math.floor(v / 62)) out = BASE62[v % 62] + out;
  return out.padStart(width, '0');
}

/** An AWS access key pair: `{ keyId, secret }`. */
export function fakeAwsKeyPair(random) {
  return { keyId: ['AK', 'IA'].join('') + random.pick(BASE32, 16), secret: random.pick(BASE64, 40) };
}

/** A classic GitHub token with a valid CRC32 checksum in its last six characters. */
export function fakeGithubToken(random) {
  const body = random.pick(BASE62, 30);
  return `${['gh', 'p_'].join('')}${body}${base62(crc32(body), 6)}`;
}

/** A PEM block shaped like an RSA private key (random bytes, not a usable key). */
export function fakePrivateKey(random) {
  const label = ['RSA PRI', 'VATE KEY'].join('');
  const body = random.bytes(1190).toString('base64').match(/.{1,64}/g).join('\n');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

export function sha256(text) {
  return createHash('sha256').update(text).digest('hex');
}
