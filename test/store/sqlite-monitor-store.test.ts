import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Repository } from '../../src/domain/repository.js';
import type { Finding } from '../../src/domain/finding.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { SqliteMonitorStore } from '../../src/store/sqlite/sqlite-monitor-store.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';

afterAll(() => removeTempDirs());

function repository(id: string, email?: string): Repository {
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

function finding(id: string): Finding {
  return {
    id,
    ruleId: 'aws-access-key',
    title: 'AWS access key',
    severity: 'critical',
    kind: 'credential',
    confidence: 'high',
    secretSha256: 'a'.repeat(64),
    redacted: 'AK…XY',
    commit: 'c'.repeat(40),
    author: 'A',
    email: 'a@example.test',
    date: '2024-01-01T00:00:00.000Z',
    path: 'x.env',
    line: 1,
    endLine: 1,
    column: 1,
    blob: 'b'.repeat(40),
    verified: null,
    locations: [],
  };
}

describe('SqliteMonitorStore', () => {
  it('upgrades a database written with the scan-state schema only, keeping its scan state', () => {
    const file = join(tempDir(), 'state.db');
    const old = new Database(file);
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO scan_targets (key, ruleset_hash, updated_at) VALUES ('git:/x', 'h', 'now')").run();
    old.close();

    const store = new SqliteMonitorStore(file);
    expect(store.openTarget('git:/x', 'h').id).toBe(1);
    store.upsertRepositories([repository('static:demo', 'o@example.test')]);
    expect(store.listRepositories().map((r) => r.id)).toEqual(['static:demo']);
    store.close();
  });

  it('keeps mirror history across inventory refreshes and remembers the last successful mirror', () => {
    const store = new SqliteMonitorStore(join(tempDir(), 'state.db'));
    store.upsertRepositories([repository('static:demo')]);
    store.recordMirror('static:demo', { ok: true, at: new Date('2026-01-01T00:00:00Z') });
    store.recordMirror('static:demo', { ok: false, error: 'cannot fetch', at: new Date('2026-01-02T00:00:00Z') });
    store.upsertRepositories([repository('static:demo', 'new@example.test')]);

    const stored = store.getRepository('static:demo')!;
    expect(stored.ownerEmail).toBe('new@example.test');
    expect(stored.lastMirrorOk).toBe(false);
    expect(stored.lastMirrorError).toBe('cannot fetch');
    expect(stored.lastMirrorOkAt).toBe('2026-01-01T00:00:00.000Z');
    store.close();
  });

  it('records a finding once: a repeated scan result updates last seen and reports nothing new', () => {
    const store = new SqliteMonitorStore(join(tempDir(), 'state.db'));
    const first = store.recordFindings('static:demo', [finding('f1')], new Date('2026-01-01T00:00:00Z'));
    const again = store.recordFindings('static:demo', [finding('f1'), finding('f2')], new Date('2026-01-02T00:00:00Z'));

    expect(first.map((f) => f.finding.id)).toEqual(['f1']);
    expect(again.map((f) => f.finding.id)).toEqual(['f2']);
    const all = store.listFindings('static:demo');
    expect(all).toHaveLength(2);
    const f1 = all.find((f) => f.finding.id === 'f1')!;
    expect(f1).toMatchObject({ status: 'open', firstSeen: '2026-01-01T00:00:00.000Z', lastSeen: '2026-01-02T00:00:00.000Z' });
    expect(store.listFindings('static:other')).toEqual([]);
    expect(store.countOpenFindings()).toEqual({ critical: 2 });
    store.close();
  });

  it('stores watch state with its ETag and cursor', () => {
    const store = new SqliteMonitorStore(join(tempDir(), 'state.db'));
    expect(store.getWatchState('github:events')).toBeNull();
    store.setWatchState('github:events', { value: null, etag: 'W/"1"', cursor: '42' });
    store.setWatchState('github:events', { value: 'x', etag: 'W/"2"', cursor: '43' });
    expect(store.getWatchState('github:events')).toMatchObject({ value: 'x', etag: 'W/"2"', cursor: '43' });
    store.close();
  });
});
