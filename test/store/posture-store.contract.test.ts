// The posture store's contract (last verdicts, baselines, alerts owed for a turn to fail), run against every backend.
import { describe, expect, it } from 'vitest';
import type { PostureResult, PostureStatus } from '../../src/posture/types.js';
import { storeBackends } from './contract/backends.js';

const result = (id: string, resource: string, status: PostureStatus): PostureResult => ({
  id, title: id, status, severity: 'high', region: 'global', resource, detail: `${resource} ${status}`, remediation: status === 'pass' ? '' : 'fix it', reference: 'x',
});
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
const owner = () => 'owner@example.test';

const backends = await storeBackends();

for (const backend of backends) {
  describe.skipIf(backend.unavailable !== undefined)(`posture store contract: ${backend.name}${backend.unavailable ? ` (skipped: ${backend.unavailable})` : ''}`, () => {
    it("takes a check's first run as its baseline: failures there are kept and counted, not alerted", () => {
      const store = backend.fresh().posture();
      expect(store.recordPostureRun([result('amis', 'ami-1', 'fail'), result('amis', 'ami-2', 'pass')], at(0), ['smtp'], owner)).toEqual([]);
      expect(store.postureFailureCounts().get('amis')).toBe(1);
      expect(store.listPostureResults().map((r) => `${r.resource}:${r.status}`)).toEqual(['ami-1:fail', 'ami-2:pass']);
      store.close();
    });

    it('queues one alert per channel when a result turns from pass to fail, and none while it keeps failing', () => {
      const store = backend.fresh().posture();
      store.recordPostureRun([result('amis', 'ami-1', 'pass')], at(0), ['smtp', 'sns'], owner);
      const queued = store.recordPostureRun([result('amis', 'ami-1', 'fail')], at(1), ['smtp', 'sns'], owner);
      expect(queued.map((a) => a.channel)).toEqual(['smtp', 'sns']);
      expect(queued[0]).toMatchObject({ recipient: 'owner@example.test', result: { resource: 'ami-1', status: 'fail' } });
      expect(store.recordPostureRun([result('amis', 'ami-1', 'fail')], at(2), ['smtp', 'sns'], owner)).toEqual([]);
      expect(store.pendingPostureAlerts().map((a) => a.channel)).toEqual(['smtp', 'sns']);
      store.close();
    });

    it('alerts for a new failing resource of a check that ran before (a bucket made public since)', () => {
      const store = backend.fresh().posture();
      store.recordPostureRun([result('public', '*', 'pass')], at(0), ['smtp'], owner);
      expect(store.recordPostureRun([result('public', 'new-bucket', 'fail')], at(1), ['smtp'], owner).map((a) => a.result.resource)).toEqual(['new-bucket']);
      // The resource that is gone from the run is gone from the store.
      expect(store.listPostureResults().map((r) => r.resource)).toEqual(['new-bucket']);
      store.close();
    });

    it('keeps the earlier verdicts of a check that could not run', () => {
      const store = backend.fresh().posture();
      store.recordPostureRun([result('amis', 'ami-1', 'fail')], at(0), ['smtp'], owner);
      store.recordPostureRun([result('amis', '-', 'error')], at(1), ['smtp'], owner);
      expect(store.listPostureResults().map((r) => `${r.resource}:${r.status}`)).toEqual(['-:error', 'ami-1:fail']);
      expect(store.postureFailureCounts().get('amis')).toBe(1);
      store.close();
    });

    it('keeps alerts until each is completed, across reopening the store', () => {
      const location = backend.fresh();
      const store = location.posture();
      store.recordPostureRun([result('amis', 'ami-1', 'pass')], at(0), ['smtp'], owner);
      store.recordPostureRun([result('amis', 'ami-1', 'fail')], at(1), ['smtp'], owner);
      store.close();
      const reopened = location.posture();
      const [pending] = reopened.pendingPostureAlerts();
      expect(pending?.key).toBe(`amis/global/ami-1/${at(1).toISOString()}`);
      reopened.completePostureAlert(pending!);
      reopened.close();
      const again = location.posture();
      expect(again.pendingPostureAlerts()).toEqual([]);
      again.close();
    });

    it('still sees a turn to fail when the check could not run in between', () => {
      const store = backend.fresh().posture();
      store.recordPostureRun([result('gd', 'us-east-1', 'pass')], at(0), ['smtp'], owner);
      store.recordPostureRun([result('gd', 'us-east-1', 'error')], at(1), ['smtp'], owner);
      expect(store.listPostureResults().map((r) => r.status)).toEqual(['pass']);
      expect(store.recordPostureRun([result('gd', 'us-east-1', 'fail')], at(2), ['smtp'], owner)).toHaveLength(1);
      store.close();
    });

    it('remembers when the last run was recorded, for every store on the location', () => {
      const location = backend.fresh();
      const [a, b] = [location.posture(), location.posture()];
      expect(a.lastPostureRunAt()).toBeNull();
      a.recordPostureRun([result('amis', 'ami-1', 'pass')], at(0), ['smtp'], owner);
      b.recordPostureRun([result('amis', '-', 'error')], at(3), ['smtp'], owner);
      expect(a.lastPostureRunAt()).toBe(at(3).toISOString());
      a.close();
      b.close();
    });

    it('sees one turn to fail once, whichever store on the location records the runs', () => {
      const location = backend.fresh();
      const [a, b] = [location.posture(), location.posture()];
      a.recordPostureRun([result('amis', 'ami-1', 'pass')], at(0), ['smtp'], owner);
      expect(b.recordPostureRun([result('amis', 'ami-1', 'fail')], at(1), ['smtp'], owner)).toHaveLength(1);
      expect(a.recordPostureRun([result('amis', 'ami-1', 'fail')], at(2), ['smtp'], owner)).toEqual([]);
      a.close();
      b.close();
    });
  });
}

const postgres = backends.find((b) => b.name === 'postgres')!;
describe.skipIf(postgres.unavailable !== undefined)('posture store on PostgreSQL, shared by replicas', () => {
  it('hands each owed alert to one replica at a time', () => {
    const location = postgres.fresh();
    const [a, b] = [location.posture(), location.posture()];
    a.recordPostureRun([result('amis', 'ami-1', 'pass')], at(0), ['smtp'], owner);
    a.recordPostureRun([result('amis', 'ami-1', 'fail')], at(1), ['smtp'], owner);
    expect(a.pendingPostureAlerts()).toHaveLength(1);
    expect(b.pendingPostureAlerts()).toEqual([]);
    a.close();
    b.close();
  });
});
