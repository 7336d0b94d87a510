/** Records the store contract suites write: a repository, a finding, an incident. */
import type { Repository } from '../../../src/domain/repository.js';
import type { Finding } from '../../../src/domain/finding.js';
import type { IncidentRecord } from '../../../src/respond/incident-store.js';
import { makeIncident } from '../../helpers/make-incident.js';

export const AT = new Date('2026-11-28T12:00:00.000Z');

export function repository(id: string, email?: string): Repository {
  return {
    id,
    name: id.split(':').at(-1)!,
    cloneUrl: `https://example.test/${id}.git`,
    source: 'static-file',
    owner: email === undefined ? {} : { email },
    escalationContacts: [],
    classification: 'internal',
    tags: {},
    ownerMissing: email === undefined,
  };
}

/** A finding of one secret (its hash derived from the id) at each of `paths`. */
export function finding(id: string, paths: string[] = ['x.env']): Finding {
  return {
    id,
    ruleId: 'aws-access-key',
    title: 'AWS access key',
    severity: 'critical',
    kind: 'credential',
    confidence: 'high',
    secretSha256: id.padEnd(64, '0'),
    redacted: 'AK…XY',
    commit: 'c'.repeat(40),
    author: 'A',
    email: 'a@example.test',
    date: '2024-01-01T00:00:00.000Z',
    path: paths[0]!,
    line: 1,
    endLine: 1,
    column: 1,
    blob: 'b'.repeat(40),
    verified: null,
    locations: paths.map((path, i) => ({ commit: `${i}`.repeat(40), path, line: 1, endLine: 1, blob: 'b'.repeat(40) })),
  };
}

export function incidentRecord(id = 'inc-0123456789abcdef', hashes = ['a'.repeat(64), 'b'.repeat(64)]): IncidentRecord {
  return {
    ...makeIncident({ id }),
    timeline: [{ at: AT, phase: 'detection-analysis', action: 'incident.opened', outcome: 'ok', detail: 'Opened.', provider: 'leakwatch', retryable: false, data: { n: 1 } }],
    ruleFamily: 'aws',
    policy: 'approve',
    secretSha256s: hashes,
    locations: [{ repository: 'payments-api', commit: 'c'.repeat(40), path: 'config/settings.py', line: 12, blob: 'd'.repeat(40), firstSeen: AT }],
    determination: { credentials: [], files: ['payments-api:config/settings.py'], intelligence: [], since: AT.toISOString(), branches: ['main'], publicUrls: [] },
    createdAt: AT,
    updatedAt: AT,
    acknowledgedAt: null,
    approvedAt: null,
    escalatedAt: null,
  };
}
