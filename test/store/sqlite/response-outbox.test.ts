import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Repository } from '../../../src/domain/repository.js';
import type { Finding } from '../../../src/domain/finding.js';
import { SqliteMonitorStore } from '../../../src/store/sqlite/sqlite-monitor-store.js';
import { removeTempDirs, tempDir } from '../../helpers/git-repo.js';

afterAll(() => removeTempDirs());
const AT = new Date('2026-11-28T12:00:00.000Z');

const repository: Repository = {
  id: 'static:demo',
  name: 'demo',
  cloneUrl: 'https://example.test/demo.git',
  source: 'static-file',
  owner: { email: 'o@example.test' },
  escalationContacts: [],
  classification: 'internal',
  tags: {},
  ownerMissing: false,
};

function finding(id: string, paths: string[]): Finding {
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

function open(): SqliteMonitorStore {
  const store = new SqliteMonitorStore(join(tempDir(), 'state.db'));
  store.upsertRepositories([repository]);
  return store;
}

const ids = (store: SqliteMonitorStore): string[] => store.pendingResponses().map((i) => i.finding.id);

describe('response outbox', () => {
  it('queues new findings with their scan, and recording the same scan again queues nothing more', () => {
    const store = open();
    store.recordFindings(repository.id, [finding('f1', ['a.env']), finding('f2', ['b.env'])], AT);
    const pending = store.pendingResponses(repository.id);
    expect(pending.map((i) => i.finding.id)).toEqual(['f1', 'f2']);
    store.completeResponses(pending);
    store.recordFindings(repository.id, [finding('f1', ['a.env']), finding('f2', ['b.env'])], AT);
    expect(ids(store)).toEqual([]);
    store.close();
  });

  it('queues a known finding again when the same secret is found in a new place (same id, one more location)', () => {
    const store = open();
    store.recordFindings(repository.id, [finding('f1', ['a.env'])], AT);
    store.completeResponses(store.pendingResponses());
    const added = store.recordFindings(repository.id, [finding('f1', ['a.env', 'copy/a.env'])], AT);
    expect(added).toEqual([]);
    const [item] = store.pendingResponses();
    expect(item?.finding.locations.map((l) => l.path)).toEqual(['a.env', 'copy/a.env']);
    store.close();
  });

  it('keeps an item queued again while it was being answered: completing the older read removes nothing', () => {
    const store = open();
    store.recordFindings(repository.id, [finding('f1', ['a.env'])], AT);
    const read = store.pendingResponses();
    store.recordFindings(repository.id, [finding('f1', ['a.env', 'b.env'])], AT);
    store.completeResponses(read);
    expect(ids(store)).toEqual(['f1']);
    expect(store.pendingResponses()[0]!.seq).toBeGreaterThan(read[0]!.seq);
    store.completeResponses(store.pendingResponses());
    expect(ids(store)).toEqual([]);
    store.close();
  });

  it('lists one repository only when asked', () => {
    const store = open();
    store.upsertRepositories([{ ...repository, id: 'static:other', name: 'other' }]);
    store.recordFindings(repository.id, [finding('f1', ['a.env'])], AT);
    store.recordFindings('static:other', [finding('f2', ['b.env'])], AT);
    expect(store.pendingResponses('static:other').map((i) => i.finding.id)).toEqual(['f2']);
    expect(ids(store)).toEqual(['f1', 'f2']);
    store.close();
  });
});
