/** A complete Incident for provider tests; fields can be overridden per test. */
import type { Incident } from '../../src/domain/incident.js';

export function makeIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'inc-1',
    kind: 'credential-exposure',
    severity: 'critical',
    severityReasons: ['rule aws-secret-access-key is critical', 'repository is confidential'],
    status: 'open',
    repository: {
      name: 'payments-api',
      ownerEmail: 'owner@example.com',
      team: 'payments',
      escalationContacts: ['security@example.com'],
      snsTopicArn: 'arn:aws:sns:eu-west-1:111122223333:leakwatch-incidents',
      classification: 'confidential',
    },
    exposure: {
      ruleId: 'aws-secret-access-key',
      title: 'AWS secret access key',
      redacted: 'wJal…EKEY',
      secretSha256: 'a'.repeat(64),
      commit: '0123456789abcdef0123456789abcdef01234567',
      path: 'config/settings.py',
      line: 12,
      firstSeen: new Date('2026-11-20T10:00:00.000Z'),
      publicUrl: 'https://github.com/example/payments-api/blob/0123456/config/settings.py#L12',
      branches: ['main'],
    },
    timeline: [],
    remainingSteps: [],
    ...overrides,
  };
}
