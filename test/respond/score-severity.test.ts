import { describe, expect, it } from 'vitest';
import { scoreSeverity } from '../../src/respond/score-severity.js';

const base = { ruleId: 'slack-webhook-url', classification: 'internal', verified: null, isPublic: false } as const;

describe('scoreSeverity', () => {
  it('keeps the rule severity for an internal, unverified, private exposure', () => {
    expect(scoreSeverity({ ...base, ruleSeverity: 'medium' })).toEqual({ severity: 'medium', reasons: ['rule slack-webhook-url is medium'] });
  });

  it('raises one step each for a confidential repository, a public secret and a live credential, capped at critical', () => {
    const r = scoreSeverity({ ...base, ruleSeverity: 'low', classification: 'restricted', isPublic: true, verified: true });
    expect(r.severity).toBe('critical');
    expect(r.reasons).toEqual([
      'rule slack-webhook-url is low',
      'repository is classified restricted (+1)',
      'the secret is public (+1)',
      'the credential was verified live (+1)',
    ]);
    expect(scoreSeverity({ ...base, ruleSeverity: 'critical', isPublic: true }).severity).toBe('critical');
  });

  it('lowers one step for a credential that failed verification, never below low', () => {
    expect(scoreSeverity({ ...base, ruleSeverity: 'high', verified: false }).severity).toBe('medium');
    expect(scoreSeverity({ ...base, ruleSeverity: 'low', verified: false }).severity).toBe('low');
  });
});
