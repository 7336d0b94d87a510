// PEM blocks, DER-shaped key bodies and JWTs for the quality corpus. Key bodies start with the
// real ASN.1 / OpenSSH prefix of their type and continue with seeded random bytes, so they look
// like keys of realistic length without being usable. Headers are assembled from parts: no
// literal private-key header sits in our sources.
import { b64url } from './quality-rng.mjs';

const DASHES = '-'.repeat(5);
const PRIV = ['PRIV', 'ATE'].join('');

/** Label as it appears in the header, e.g. label('RSA') -> 'RSA PRIVATE KEY'. */
export function privateLabel(type) {
  return [type, PRIV, 'KEY'].filter(Boolean).join(' ');
}

export function pemBlock(label, der) {
  const body = der.toString('base64').match(/.{1,64}/g).join('\n');
  return `${DASHES}BEGIN ${label}${DASHES}\n${body}\n${DASHES}END ${label}${DASHES}`;
}

const hex = (s) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

/** DER-ish bodies with the right leading bytes for each key type. */
export const keyBodies = {
  rsa: (rng) => Buffer.concat([hex('308204a40201000282010100'), rng.bytes(1180)]),
  pkcs8: (rng) => Buffer.concat([hex('308204be020100300d06092a864886f70d0101010500048204a8308204a40201000282010100'), rng.bytes(1180)]),
  ec: (rng) =>
    Buffer.concat([hex('30770201010420'), rng.bytes(32), hex('a00a06082a8648ce3d030107a144034200 04'), rng.bytes(64)]),
  openssh: (rng) =>
    Buffer.concat([
      Buffer.from('openssh-key-v1\0\0\0\0\x04none\0\0\0\x04none\0\0\0\0\0\0\0\x01\0\0\0\x33\0\0\0\x0bssh-ed25519\0\0\0\x20', 'latin1'),
      rng.bytes(330),
    ]),
  publicKey: (rng) => Buffer.concat([hex('30820122300d06092a864886f70d01010105000382010f003082010a0282010100'), rng.bytes(270)]),
  certificate: (rng) => Buffer.concat([hex('308203843082026ca003020102'), rng.bytes(890)]),
};

export const privateKeyTypes = {
  rsa: { label: privateLabel('RSA'), body: keyBodies.rsa },
  ec: { label: privateLabel('EC'), body: keyBodies.ec },
  openssh: { label: privateLabel('OPENSSH'), body: keyBodies.openssh },
  pkcs8: { label: privateLabel(''), body: keyBodies.pkcs8 },
};

export function privateKeyPem(rng, type) {
  const t = privateKeyTypes[type];
  return pemBlock(t.label, t.body(rng));
}

/** Every spelling under which a scanner may report a PEM block: as written (maybe indented), normalised, body only. */
export function pemAccepts(pem, content) {
  const out = new Set([pem, pem + '\n']);
  const lines = pem.split('\n');
  out.add(lines.slice(1, -1).join('\n'));
  out.add(lines.slice(1, -1).join(''));
  if (content) {
    const begin = content.indexOf(lines[0].trim());
    const endLine = lines[lines.length - 1].trim();
    const end = content.indexOf(endLine, begin);
    if (begin >= 0 && end >= 0) out.add(content.slice(begin, end + endLine.length));
  }
  return [...out];
}

export function jwt(rng, payload, { alg = 'HS256', sigBytes = 32 } = {}) {
  const header = b64url(JSON.stringify({ alg, typ: 'JWT' }));
  const body = b64url(JSON.stringify(payload));
  return `${header}.${body}.${rng.bytes(sigBytes).toString('base64url')}`;
}
