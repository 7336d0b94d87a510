import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostureResult, PostureStatus } from '../../src/posture/types.js';
import { SqlitePostureStore } from '../../src/store/sqlite/sqlite-posture-store.js';

const result = (id: string, resource: string, status: PostureStatus): PostureResult => ({
  id, title: id, status, severity: 'high', region: 'global', resource, detail: `${resource} ${status}`, remediation: status === 'pass' ? '' : 'fix it', reference: 'x',
});
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
const owner = () => 'owner@example.test';

describe('SqlitePostureStore', () => {
  let dir: string;
  let file: string;
  let store: SqlitePostureStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leakwatch-posture-store-'));
    file = join(dir, 'state.db');
    store = new SqlitePostureStore(new Database(file));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes a check\'s first run as its baseline: failures there are kept and counted, not alerted', () => {
    expect(store.recordPostureRun([result('amis', 'ami-1', 'fail'), result('amis', 'ami-2', 'pass')], at(0), ['smtp'], owner)).toEqual([]);
    expect(store.postureFailureCounts().get('amis')).toBe(1);
    expect(store.listPostureResults().map((r) => `${r.resource}:${r.status}`)).toEqual(['ami-1:fail', 'ami-2:pass']);
  });

  it('queues one alert per channel when a result turns from pass to fail, and none while it keeps failing', () => {
    store.recordPostureRun([result('amis', 'ami-1', 'pass')], at(0), ['smtp', 'sns'], owner);
    const queued = store.recordPostureRun([result('amis', 'ami-1', 'fail')], at(1), ['smtp', 'sns'], owner);
    expect(queued.map((a) => a.channel)).toEqual(['smtp', 'sns']);
    expect(queued[0]).toMatchObject({ recipient: 'owner@example.test', result: { resource: 'ami-1', status: 'fail' } });
    expect(store.recordPostureRun([result('amis', 'ami-1', 'fail')], at(2), ['smtp', 'sns'], owner)).toEqual([]);
    expect(store.pendingPostureAlerts()).toHaveLength(2);
  });

  it('alerts for a new failing resource of a check that ran before (a bucket made public since)', () => {
    store.recordPostureRun([result('public', '*', 'pass')], at(0), ['smtp'], owner);
    expect(store.recordPostureRun([result('public', 'new-bucket', 'fail')], at(1), ['smtp'], owner).map((a) => a.result.resource)).toEqual(['new-bucket']);
    // The resource that is gone from the run is gone from the store.
    expect(store.listPostureResults().map((r) => r.resource)).toEqual(['new-bucket']);
  });

  it('keeps the earlier verdicts of a check that could not run', () => {
    store.recordPostureRun([result('amis', 'ami-1', 'fail')], at(0), ['smtp'], owner);
    store.recordPostureRun([result('amis', '-', 'error')], at(1), ['smtp'], owner);
    expect(store.listPostureResults().map((r) => `${r.resource}:${r.status}`)).toEqual(['-:error', 'ami-1:fail']);
    expect(store.postureFailureCounts().get('amis')).toBe(1);
  });

  it('keeps alerts until each is completed, across reopening the database', () => {
    store.recordPostureRun([result('amis', 'ami-1', 'pass')], at(0), ['smtp'], owner);
    store.recordPostureRun([result('amis', 'ami-1', 'fail')], at(1), ['smtp'], owner);
    const reopened = new SqlitePostureStore(new Database(file));
    const [pending] = reopened.pendingPostureAlerts();
    expect(pending?.key).toBe(`amis/global/ami-1/${at(1).toISOString()}`);
    reopened.completePostureAlert(pending!);
    expect(new SqlitePostureStore(new Database(file)).pendingPostureAlerts()).toEqual([]);
  });

  it('still sees a turn to fail when the check could not run in between', () => {
    store.recordPostureRun([result('gd', 'us-east-1', 'pass')], at(0), ['smtp'], owner);
    store.recordPostureRun([result('gd', 'us-east-1', 'error')], at(1), ['smtp'], owner);
    expect(store.listPostureResults().map((r) => r.status)).toEqual(['pass']);
    expect(store.recordPostureRun([result('gd', 'us-east-1', 'fail')], at(2), ['smtp'], owner)).toHaveLength(1);
  });
});
