import { describe, expect, it } from 'vitest';
import { groupExposures } from '../../src/respond/group-exposures.js';
import type { Finding } from '../../src/domain/finding.js';
import { ruleset } from '../helpers/incident-fixture.js';

function finding(ruleId: string, sha: string, overrides: Partial<Finding> = {}): Finding {
  return {
    id: sha,
    ruleId,
    title: ruleId,
    severity: 'high',
    kind: 'credential',
    confidence: 'high',
    secretSha256: sha,
    redacted: 'xx…yy',
    commit: 'c'.repeat(40),
    author: null,
    email: null,
    date: '2026-11-01T00:00:00.000Z',
    path: 'a.env',
    line: 1,
    endLine: 1,
    column: 1,
    blob: 'b'.repeat(40),
    verified: null,
    locations: [{ commit: 'c'.repeat(40), path: 'a.env', line: 1, endLine: 1, blob: 'b'.repeat(40) }],
    ...overrides,
  };
}

describe('groupExposures', () => {
  it('makes one exposure of a key id and its paired secret, with the paired finding as primary, in either order', () => {
    const keyId = finding('aws-access-key-id', '1'.repeat(64));
    const secret = finding('aws-secret-access-key', '2'.repeat(64), { related: { ruleId: 'aws-access-key-id', secretSha256: '1'.repeat(64), redacted: 'AK…' } });
    for (const order of [[keyId, secret], [secret, keyId]]) {
      const { groups } = groupExposures(order, ruleset());
      expect(groups).toHaveLength(1);
      expect(groups[0]?.primary.ruleId).toBe('aws-secret-access-key');
      expect(groups[0]?.family).toBe('aws');
      expect(new Set(groups[0]?.hashes)).toEqual(new Set(['1'.repeat(64), '2'.repeat(64)]));
    }
  });

  it('attaches low sensitive data as intelligence and opens an incident only for medium or worse', () => {
    const account = finding('aws-account-id', '3'.repeat(64), { kind: 'sensitive-data', severity: 'low' });
    const card = finding('payment-card-number', '4'.repeat(64), { kind: 'sensitive-data', severity: 'medium' });
    const { groups, intelligence } = groupExposures([account, card], ruleset());
    expect(intelligence.map((i) => i.ruleId)).toEqual(['aws-account-id', 'payment-card-number']);
    expect(groups.map((g) => [g.primary.ruleId, g.kind])).toEqual([['payment-card-number', 'sensitive-data']]);
  });

  it('opens a sensitive-data incident, not a credential one, for a password hash: nothing to rotate', () => {
    const hash = finding('password-hash-bcrypt', '5'.repeat(64), { kind: 'password-hash', severity: 'medium' });
    const { groups } = groupExposures([hash], ruleset());
    expect(groups.map((g) => [g.primary.ruleId, g.kind])).toEqual([['password-hash-bcrypt', 'sensitive-data']]);
  });
});
