import { describe, expect, it } from 'vitest';
import { matchValue, sha256 } from '../../../src/respond/rotators/secrets-manager/value-matches.js';
import { fakeSecretAccessKey } from '../../helpers/fake-credentials.js';

describe('matchValue', () => {
  const leaked = fakeSecretAccessKey();
  const target = sha256(leaked);

  it('matches a whole string or binary value', () => {
    expect(matchValue(leaked, target)).toBe('');
    expect(matchValue(Buffer.from(leaked), target)).toBe('');
  });

  it('matches a nested JSON field and names its path', () => {
    expect(matchValue(JSON.stringify({ db: { user: 'svc', password: leaked } }), target)).toBe('db.password');
  });

  it('does not match a value that merely contains the secret or differs', () => {
    expect(matchValue(`prefix-${leaked}`, target)).toBeUndefined();
    expect(matchValue(JSON.stringify({ password: `${leaked}x` }), target)).toBeUndefined();
    expect(matchValue('not json {', target)).toBeUndefined();
  });
});
