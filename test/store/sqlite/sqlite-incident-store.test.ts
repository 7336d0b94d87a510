import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../../../src/respond/incident-store.js';
import { SqliteScanStore } from '../../../src/store/sqlite/sqlite-scan-store.js';
import { SqliteIncidentStore } from '../../../src/store/sqlite/sqlite-incident-store.js';
import { removeTempDirs, tempDir } from '../../helpers/git-repo.js';
import { makeIncident } from '../../helpers/make-incident.js';

afterAll(removeTempDirs);
const AT = new Date('2026-11-28T12:00:00.000Z');

function record(): IncidentRecord {
  return {
    ...makeIncident({ id: 'inc-0123456789abcdef' }),
    timeline: [{ at: AT, phase: 'detection-analysis', action: 'incident.opened', outcome: 'ok', detail: 'Opened.', provider: 'leakwatch' }],
    ruleFamily: 'aws',
    policy: 'approve',
    secretSha256s: ['a'.repeat(64), 'b'.repeat(64)],
    locations: [{ repository: 'payments-api', commit: 'c'.repeat(40), path: 'config/settings.py', line: 12, blob: 'd'.repeat(40), firstSeen: AT }],
    determination: { credentials: [], files: ['payments-api:config/settings.py'], intelligence: [], since: AT.toISOString(), branches: ['main'], publicUrls: [] },
    createdAt: AT,
    updatedAt: AT,
    acknowledgedAt: null,
    approvedAt: null,
    escalatedAt: null,
  };
}

describe('SqliteIncidentStore', () => {
  it('round-trips an incident, finds it by either secret hash, and survives reopening beside the scan store', () => {
    const file = join(tempDir(), 'state.db');
    new SqliteScanStore(file).close();
    const store = new SqliteIncidentStore(file);
    const r = record();
    store.create(r);
    expect(store.addLocation(r.id, { ...r.locations[0]!, repository: 'fork', publicUrl: 'https://example.test/x' })).toBe(true);
    expect(store.addLocation(r.id, r.locations[0]!)).toBe(false);
    store.close();

    const again = new SqliteIncidentStore(file);
    const loaded = again.findBySecret('b'.repeat(64))!;
    const { otherLocations, ...exposure } = loaded.exposure;
    expect(exposure).toEqual(r.exposure);
    expect(otherLocations).toEqual([{ repository: 'fork', commit: 'c'.repeat(40), path: 'config/settings.py', line: 12, publicUrl: 'https://example.test/x' }]);
    expect(loaded.timeline).toEqual(r.timeline);
    expect(loaded.determination).toEqual(r.determination);
    expect(loaded.policy).toBe('approve');
    expect(again.findBySecret('e'.repeat(64))).toBeUndefined();
    again.close();
  });

  it('counts failed attempts of an action and remembers it done; schedules a follow-up once', () => {
    const store = new SqliteIncidentStore(join(tempDir(), 'state.db'));
    const r = record();
    store.create(r);
    expect(store.recordAction(r.id, 'containment.contain', 'failed', AT)).toEqual({ state: 'failed', attempts: 1 });
    expect(store.recordAction(r.id, 'containment.contain', 'done', AT)).toEqual({ state: 'done', attempts: 2 });
    const followUp = { provider: 'aws-iam-access-key', step: 'eradicate' as const, notBefore: new Date(AT.getTime() + 1000), target: { userName: 'alice' } };
    store.addFollowUps(r.id, [followUp]);
    store.addFollowUps(r.id, [followUp]);
    expect(store.dueFollowUps(AT)).toEqual([]);
    // Not due yet, but pending: the console shows it as still open.
    expect(store.pendingFollowUps(r.id)).toEqual([{ ...followUp, id: expect.any(Number), incidentId: r.id }]);
    expect(store.pendingFollowUps('another-incident')).toEqual([]);
    const due = store.dueFollowUps(new Date(AT.getTime() + 2000));
    expect(due).toHaveLength(1);
    store.completeFollowUp(due[0]!.id, AT);
    expect(store.dueFollowUps(new Date(AT.getTime() + 2000))).toEqual([]);
    expect(store.pendingFollowUps(r.id)).toEqual([]);
    store.close();
  });
});
