import { describe, expect, it } from 'vitest';
import { isBase64Credentials } from '../../../src/detect/validators/base64-credentials.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe('isBase64Credentials', () => {
  it('accepts base64 of user:password', () => {
    expect(isBase64Credentials(b64('deploy:' + 'Zx9'.repeat(4)))).toBe(true);
  });

  it('rejects text without a colon, an empty side, or binary bytes', () => {
    expect(isBase64Credentials(b64('just-a-username'))).toBe(false);
    expect(isBase64Credentials(b64('deploy:'))).toBe(false);
    expect(isBase64Credentials(Buffer.from([0x01, 0xff, 0x3a, 0x90, 0x12, 0x00]).toString('base64'))).toBe(false);
  });
});
