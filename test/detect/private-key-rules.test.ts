import { describe, expect, it } from 'vitest';
import { expandExample } from '../../src/detect/expand-example.js';
import { loadRules } from '../../src/detect/load-rules.js';
import { Matcher } from '../../src/detect/matcher.js';

const matcher = new Matcher(loadRules());
const ids = (template: string): string[] => matcher.match(expandExample(template)).map((m) => m.ruleId);

const putty = (encryption: string): string =>
  `{{join:PuTTY-User-Key:-File-3}}: ssh-ed25519\nEncryption: ${encryption}\nComment: ci\nPublic-Lines: 1\n` +
  '{{rand:base64:60}}\nPrivate-Lines: 1\n{{rand:base64:44}}\nPrivate-MAC: {{rand:hex:64}}';

describe('clear and passphrase-protected keys are told apart', () => {
  it('reports an encrypted PKCS#1 RSA key only as encrypted (medium), not as a clear RSA key', () => {
    expect(ids('{{pemenc:RSA PRIVATE KEY}}')).toEqual(['private-key-pkcs1-encrypted']);
  });

  it('reports an encrypted EC or DSA key only as encrypted', () => {
    expect(ids('{{pemenc:EC PRIVATE KEY}}')).toEqual(['private-key-pkcs1-encrypted']);
    expect(ids('{{pemenc:DSA PRIVATE KEY}}')).toEqual(['private-key-pkcs1-encrypted']);
  });

  it('reports a clear RSA key only as a clear key', () => {
    expect(ids('{{pem:RSA PRIVATE KEY}}')).toEqual(['private-key-rsa']);
  });

  it('splits PuTTY keys by their Encryption header', () => {
    expect(ids(putty('none'))).toEqual(['private-key-putty']);
    expect(ids(putty('aes256-cbc'))).toEqual(['private-key-putty-encrypted']);
  });
});
