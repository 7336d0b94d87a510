import { describe, expect, it } from 'vitest';
import { expandExample } from '../../src/detect/expand-example.js';
import { isPemKeyBlock } from '../../src/detect/validators/pem.js';

describe('expandExample generators', () => {
  it('writes an encrypted PKCS#1 block with its Proc-Type header that still passes the pem check', () => {
    const block = expandExample('{{pemenc:RSA PRIVATE KEY}}');
    expect(block.split('\n')[1]).toBe('Proc-Type: 4,ENCRYPTED');
    expect(isPemKeyBlock(block)).toBe(true);
  });

  it('writes a PEM block as a JSON string body, with escaped newlines only', () => {
    const text = expandExample('{{pemjson:PRIVATE KEY}}');
    expect(text).not.toContain('\n');
    expect(JSON.parse(`"${text}"`)).toMatch(/^-{5}BEGIN PRIVATE KEY-{5}\n[\s\S]{100,}\n-{5}END PRIVATE KEY-{5}\n$/);
  });

  it('base64-encodes a JSON object of the given fields', () => {
    const text = expandExample('{{b64json:type=service_account,project_id=demo}}');
    expect(JSON.parse(Buffer.from(text, 'base64').toString('utf8'))).toEqual({
      type: 'service_account',
      project_id: 'demo',
    });
  });

  it('is deterministic for the same template', () => {
    expect(expandExample('{{b64pem:EC PRIVATE KEY}}')).toBe(expandExample('{{b64pem:EC PRIVATE KEY}}'));
  });
});
