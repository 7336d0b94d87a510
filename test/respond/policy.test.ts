import { describe, expect, it } from 'vitest';
import { incidentId } from '../../src/respond/incident-id.js';
import { mayContain, policyFor } from '../../src/respond/policy.js';

describe('policyFor', () => {
  it('uses the family policy when configured, else the default policy', () => {
    const response = { defaultPolicy: 'notify', policies: { aws: 'auto', github: 'approve' } } as const;
    expect(policyFor('aws', response)).toBe('auto');
    expect(policyFor('github', response)).toBe('approve');
    expect(policyFor('slack', response)).toBe('notify');
  });

  it('lets containment run for auto, and for approve only once approved', () => {
    expect(mayContain('auto', null)).toBe(true);
    expect(mayContain('approve', null)).toBe(false);
    expect(mayContain('approve', new Date())).toBe(true);
    expect(mayContain('notify', new Date())).toBe(false);
  });
});

describe('incidentId', () => {
  it('is stable for one secret and repository and differs for another repository', () => {
    const sha = 'ab'.repeat(32);
    expect(incidentId(sha, 'payments-api')).toBe(incidentId(sha, 'payments-api'));
    expect(incidentId(sha, 'payments-api')).toMatch(/^inc-[0-9a-f]{16}$/);
    expect(incidentId(sha, 'payments-api')).not.toBe(incidentId(sha, 'billing'));
    expect(incidentId(sha, 'payments-api')).not.toContain(sha.slice(0, 16));
  });
});
