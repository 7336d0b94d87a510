import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../../src/respond/incident-store.js';
import { canTransition, transition } from '../../src/respond/incident-status.js';
import { makeIncident } from '../helpers/make-incident.js';

function record(): IncidentRecord {
  const at = new Date('2026-11-28T12:00:00.000Z');
  return {
    ...makeIncident(),
    ruleFamily: 'aws',
    policy: 'notify',
    secretSha256s: [],
    locations: [],
    determination: { credentials: [], files: [], intelligence: [], since: at.toISOString(), branches: [], publicUrls: [] },
    createdAt: at,
    updatedAt: at,
    acknowledgedAt: null,
    approvedAt: null,
    escalatedAt: null,
  };
}

describe('incident status', () => {
  it('allows the playbook transitions and refuses the rest', () => {
    expect(canTransition('open', 'acknowledged')).toBe(true);
    expect(canTransition('contained', 'resolved')).toBe(true);
    expect(canTransition('resolved', 'open')).toBe(true);
    expect(canTransition('resolved', 'acknowledged')).toBe(false);
    expect(canTransition('false-positive', 'contained')).toBe(false);
    expect(canTransition('contained', 'acknowledged')).toBe(false);
  });

  it('records who changed the status, in the phase the new status belongs to', () => {
    const r = record();
    const at = new Date('2026-11-28T13:00:00.000Z');
    const entry = transition(r, 'acknowledged', at, 'alice');
    expect(r.status).toBe('acknowledged');
    expect(r.acknowledgedAt).toEqual(at);
    expect(entry).toMatchObject({ phase: 'detection-analysis', action: 'incident.acknowledged', outcome: 'ok', data: { by: 'alice' } });
    expect(transition(r, 'resolved', at, 'alice', 'rotated').detail).toBe('Status acknowledged → resolved by alice: rotated.');
    expect(() => transition(r, 'contained', at, 'bob')).toThrow(/is resolved; it cannot become contained/);
  });
});
