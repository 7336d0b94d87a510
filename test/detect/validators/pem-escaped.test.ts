import { describe, expect, it } from 'vitest';
import { expandExample } from '../../../src/detect/expand-example.js';
import { isEscapedPemKey } from '../../../src/detect/validators/pem-escaped.js';

describe('isEscapedPemKey', () => {
  it('accepts a private key block written with \\n escapes', () => {
    expect(isEscapedPemKey(expandExample('{{pemjson:RSA PRIVATE KEY}}').replace(/\\n$/, ''))).toBe(true);
  });

  it('rejects an escaped block whose body is not base64', () => {
    const block = expandExample('{{pemjson:PRIVATE KEY}}').replace(/\\n$/, '');
    const broken = block.replace(/\\n[^\\]{64}\\n/, '\\n' + '%'.repeat(64) + '\\n');
    expect(broken).not.toBe(block);
    expect(isEscapedPemKey(broken)).toBe(false);
  });
});
