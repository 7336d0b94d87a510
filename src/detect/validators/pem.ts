/**
 * A PEM private key block must have matching BEGIN/END labels and a body that is real base64
 * of plausible length; a truncated snippet in documentation does not count.
 */
const BLOCK = /^-----BEGIN ([A-Z0-9 ]{3,40})-----\r?\n([\s\S]{0,20000}?)-----END ([A-Z0-9 ]{3,40})-----$/;

export function isPemKeyBlock(block: string): boolean {
  const m = BLOCK.exec(block.trim());
  if (!m || m[1] !== m[3]) return false;
  const lines = m[2]!
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.includes(':'));
  const body = lines.join('');
  if (body.length < 64) return false;
  if (!/^[A-Za-z0-9+/=]+$/.test(body)) return false;
  return !/(.)\1{15}/.test(body);
}
