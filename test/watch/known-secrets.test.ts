import { describe, expect, it } from 'vitest';
import { addKnownSecrets } from '../../src/watch/known-secrets.js';

const match = (sha: string, related?: string) => ({
  ruleId: 'r', secretSha256: sha, redacted: 'x…y', line: 1, endLine: 1, column: 1,
  ...(related ? { related: { ruleId: 'r2', secretSha256: related, redacted: 'a…b' } } : {}),
});

describe('addKnownSecrets', () => {
  it('records each secret and paired secret once per repository holding it', () => {
    const known = new Map<string, string[]>();
    addKnownSecrets(known, 'billing', [{ matches: [match('a', 'b')] }, { matches: [match('a')] }]);
    addKnownSecrets(known, 'portal', [{ matches: [match('a')] }]);
    expect(Object.fromEntries(known)).toEqual({ a: ['billing', 'portal'], b: ['billing'] });
  });
});
