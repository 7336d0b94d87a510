import { describe, expect, it } from 'vitest';
import { expandExample } from '../../../src/detect/expand-example.js';
import { isConcatenatedPemKey } from '../../../src/detect/validators/pem-concatenated.js';

const header = (label: string): string => ['-----BEGIN ', label, '-----'].join('');
const footer = (label: string): string => ['-----END ', label, '-----'].join('');

describe('isConcatenatedPemKey', () => {
  it('accepts a key written as literals joined by +, one per line', () => {
    expect(isConcatenatedPemKey(expandExample("{{pemlines:':RSA PRIVATE KEY}}").slice(1, -1))).toBe(true);
  });

  it('accepts adjacent literals (Python, C) and PHP joins', () => {
    const joined = expandExample('{{pemlines:":PRIVATE KEY}}').slice(1, -1);
    expect(isConcatenatedPemKey(joined.replace(/ \+\n/g, '\n'))).toBe(true);
    expect(isConcatenatedPemKey(joined.replace(/ \+\n/g, ' .\n'))).toBe(true);
  });

  it('accepts literals without \\n escapes, the block run together', () => {
    const block = expandExample('{{pem:EC PRIVATE KEY}}');
    const body = block.split('\n').slice(1, -1);
    const value = [header('EC PRIVATE KEY'), ...body, footer('EC PRIVATE KEY')].join('" + "');
    expect(isConcatenatedPemKey(value)).toBe(true);
  });

  it('rejects a block in one literal: that is the escaped form', () => {
    expect(isConcatenatedPemKey(expandExample('{{pemjson:RSA PRIVATE KEY}}').replace(/\\n$/, ''))).toBe(false);
  });

  it('rejects a documentation stub and a body that is not base64', () => {
    const stub = [header('RSA PRIVATE KEY') + "\\n' +", "  '...\\n' +", "  '" + footer('RSA PRIVATE KEY')].join('\n');
    expect(isConcatenatedPemKey(stub)).toBe(false);
    const joined = expandExample("{{pemlines:':PRIVATE KEY}}").slice(1, -1);
    const broken = joined.replace(/'[A-Za-z0-9+/]{64}\\n'/, `'${'%'.repeat(64)}\\n'`);
    expect(broken).not.toBe(joined);
    expect(isConcatenatedPemKey(broken)).toBe(false);
  });
});
