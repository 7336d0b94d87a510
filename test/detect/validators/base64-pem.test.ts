import { describe, expect, it } from 'vitest';
import { expandExample } from '../../../src/detect/expand-example.js';
import { isBase64PemKey } from '../../../src/detect/validators/base64-pem.js';

describe('isBase64PemKey', () => {
  it('accepts base64 of a private key block', () => {
    expect(isBase64PemKey(expandExample('{{b64pem:RSA PRIVATE KEY}}'))).toBe(true);
  });

  it('rejects base64 of a certificate and of plain text', () => {
    expect(isBase64PemKey(expandExample('{{b64pem:CERTIFICATE}}'))).toBe(false);
    expect(isBase64PemKey(Buffer.from('not a key at all').toString('base64'))).toBe(false);
  });
});
