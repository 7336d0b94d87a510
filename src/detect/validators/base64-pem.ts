/** A base64 value that decodes to a PEM private key block (kubeconfig `client-key-data`). */
import { isPemKeyBlock } from './pem.js';

export function isBase64PemKey(value: string): boolean {
  const text = Buffer.from(value, 'base64').toString('latin1').trim();
  if (!/^-----BEGIN [A-Z0-9 ]{0,30}PRIVATE KEY-----/.test(text)) return false;
  return isPemKeyBlock(text);
}
