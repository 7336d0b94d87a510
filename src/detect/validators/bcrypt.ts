/**
 * A bcrypt hash ($2a$/$2b$/$2x$/$2y$, cost, 22 salt + 31 hash characters in bcrypt's base64)
 * encodes 16 salt bytes and 23 hash bytes, so the last salt character carries 2 bits and the
 * last hash character 4: their low bits are zero. Cost is 4 to 31. Hand-typed look-alikes fail.
 */
const ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SHAPE = /^\$2[abxy]?\$(\d{2})\$([./A-Za-z0-9]{22})([./A-Za-z0-9]{31})$/;

export function isBcryptHash(value: string): boolean {
  const m = SHAPE.exec(value);
  if (!m) return false;
  const cost = Number(m[1]);
  if (cost < 4 || cost > 31) return false;
  return ALPHABET.indexOf(m[2]!.at(-1)!) % 16 === 0 && ALPHABET.indexOf(m[3]!.at(-1)!) % 4 === 0;
}
