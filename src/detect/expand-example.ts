/**
 * Rule examples are written so that no literal credential sits in our repository: either a
 * `parts:` list joined at test time, or a template whose `{{...}}` generators produce the
 * token. Generators are deterministic (seeded by the template), so examples are stable.
 *
 *   {{rand:CHARSET:N}}      N characters from CHARSET (ranges like A-Z2-7, or hex, HEX,
 *                           base62, base64, base64url, alnum, lower, upper, digits)
 *   {{crc32:PREFIX}}        a GitHub/npm style token PREFIX + 30 random base62 + CRC32
 *   {{luhn:PREFIX:LEN}}     a Luhn-valid number of LEN digits starting with PREFIX
 *   {{jwt}}                 a JWT with a decodable header and payload
 *   {{jwtnone}}             an unsigned JWT (alg none, empty signature)
 *   {{jwe}}                 a compact JWE (five parts, header with alg and enc)
 *   {{jwtlines:QUOTE}}      a JWT split over two QUOTE-delimited literals joined by " +\n  "
 *                           (the template supplies the opening and closing quote)
 *   {{nkey:TYPE}}           a NATS NKEY seed of TYPE (U, A, O, N, C, X) with a valid CRC-16
 *   {{pem:LABEL}}           a PEM block "-----BEGIN LABEL-----" with a random base64 body
 *   {{pemenc:LABEL}}        the same with the Proc-Type/DEK-Info headers of an encrypted key
 *   {{pemjson:LABEL}}       the PEM block as inside a JSON string (newlines written as \n)
 *   {{pemlines:Q:LABEL}}    the PEM block as string literals quoted with Q, one per line, joined by +
 *   {{b64pem:LABEL}}        the PEM block base64-encoded (kubeconfig client-key-data)
 *   {{b64:TEXT}}            TEXT base64-encoded
 *   {{b64json:K=V,K=V}}     a pretty-printed JSON object of those string fields, base64-encoded
 *   {{join:A:B}}            A immediately followed by B (to split a literal prefix)
 */
import { crc32 } from 'node:zlib';
import { BASE62, toBase62 } from './base62.js';
import { encodeBase32 } from './base32.js';
import { crc16 } from './crc16.js';
import { passesLuhn } from './validators/luhn.js';
import type { Example } from './types.js';

const NAMED: Record<string, string> = {
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  base62: BASE62,
  alnum: BASE62,
  base64: `${BASE62}+/`,
  base64url: `${BASE62}-_`,
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digits: '0123456789',
};

function charset(spec: string): string {
  const named = NAMED[spec];
  if (named) return named;
  let out = '';
  for (let i = 0; i < spec.length; i++) {
    if (spec[i + 1] === '-' && i + 2 < spec.length) {
      for (let c = spec.charCodeAt(i); c <= spec.charCodeAt(i + 2); c++) out += String.fromCharCode(c);
      i += 2;
    } else {
      out += spec[i];
    }
  }
  return out;
}

/** mulberry32: tiny, seedable, good enough to make tokens look random. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomString(next: () => number, chars: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += chars[Math.floor(next() * chars.length)];
  return out;
}

function luhnNumber(next: () => number, prefix: string, length: number): string {
  const body = prefix + randomString(next, NAMED.digits!, length - prefix.length - 1);
  for (let check = 0; check < 9; check++) if (passesLuhn(`${body}${check}`)) return `${body}${check}`;
  return `${body}9`;
}

/** NKEY type letters and their prefix bytes (nkeys: PrefixByteUser = 20 << 3, ...). */
const NKEY_TYPES: Record<string, number> = { O: 14 << 3, N: 13 << 3, C: 2 << 3, A: 0, U: 20 << 3, X: 23 << 3 };

function nkeySeed(next: () => number, type: string): string {
  const prefix = NKEY_TYPES[type] ?? NKEY_TYPES.U!;
  const raw = new Uint8Array(36);
  raw[0] = (18 << 3) | (prefix >> 5);
  raw[1] = (prefix & 31) << 3;
  for (let i = 2; i < 34; i++) raw[i] = Math.floor(next() * 256);
  const sum = crc16(raw.subarray(0, 34));
  raw[34] = sum & 0xff;
  raw[35] = sum >> 8;
  return encodeBase32(raw);
}

function pemBlock(next: () => number, label: string, headers: string): string {
  const body = randomString(next, NAMED.base64!, 64 * 12);
  const lines = body.match(/.{1,64}/g)!.join('\n');
  return `-----BEGIN ${label}-----\n${headers}${lines}\n-----END ${label}-----`;
}

function generate(next: () => number, name: string, args: string[]): string {
  switch (name) {
    case 'rand':
      return randomString(next, charset(args[0] ?? 'alnum'), Number(args[1] ?? 32));
    case 'crc32': {
      const body = randomString(next, BASE62, 30);
      return `${args[0] ?? ''}${body}${toBase62(crc32(body), 6)}`;
    }
    case 'luhn':
      return luhnNumber(next, args[0] ?? '4', Number(args[1] ?? 16));
    case 'jwt': {
      const enc = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
      const sub = randomString(next, BASE62, 12);
      const sig = randomString(next, NAMED.base64url!, 43);
      return `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ sub, iat: 1700000000 })}.${sig}`;
    }
    case 'jwtnone': {
      const enc = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
      return `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: randomString(next, BASE62, 12), admin: true })}.`;
    }
    case 'jwe': {
      const header = Buffer.from(JSON.stringify({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })).toString('base64url');
      const part = (n: number): string => randomString(next, NAMED.base64url!, n);
      return `${header}.${part(342)}.${part(16)}.${part(120)}.${part(22)}`;
    }
    case 'jwtlines': {
      const q = args[0] ?? '"';
      const enc = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
      const jwt = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ sub: randomString(next, BASE62, 12), iat: 1700000000 })}.${randomString(next, NAMED.base64url!, 43)}`;
      const cut = jwt.indexOf('.') + 20;
      return `${jwt.slice(0, cut)}${q} +\n    ${q}${jwt.slice(cut)}`;
    }
    case 'nkey':
      return nkeySeed(next, args[0] ?? 'U');
    case 'pem':
      return pemBlock(next, args.join(':') || 'PRIVATE KEY', '');
    case 'pemenc': {
      const iv = randomString(next, NAMED.HEX!, 16);
      return pemBlock(next, args.join(':') || 'RSA PRIVATE KEY', `Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,${iv}\n\n`);
    }
    case 'pemjson':
      return pemBlock(next, args.join(':') || 'PRIVATE KEY', '').replace(/\n/g, '\\n') + '\\n';
    case 'pemlines': {
      const q = args[0] ?? "'";
      const lines = pemBlock(next, args.slice(1).join(':') || 'PRIVATE KEY', '').split('\n');
      return lines.map((l, i) => `${q}${l}${i < lines.length - 1 ? '\\n' : ''}${q}`).join(' +\n  ');
    }
    case 'b64pem':
      return Buffer.from(pemBlock(next, args.join(':') || 'PRIVATE KEY', '')).toString('base64');
    case 'b64json': {
      const fields = args.join(':').split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]);
      const json = JSON.stringify(Object.fromEntries(fields), null, 2);
      return Buffer.from(json).toString('base64');
    }
    case 'b64':
      return Buffer.from(args.join(':')).toString('base64');
    case 'join':
      return args.join('');
    default:
      throw new Error(`unknown example generator "${name}"`);
  }
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function expandExample(example: Example): string {
  if (typeof example !== 'string') return example.parts.join('');
  const next = prng(seedOf(example));
  return example.replace(/\{\{([a-z0-9]+)(?::([^}]*))?\}\}/g, (_m, name: string, rest?: string) =>
    generate(next, name, rest === undefined ? [] : rest.split(':')),
  );
}
