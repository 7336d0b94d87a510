import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStoredSeenMessageIds } from '../../src/daemon/seen-message-ids.js';
import { SqliteMonitorStore } from '../../src/store/sqlite/sqlite-monitor-store.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

describe('SNS message ids kept in the daemon store', () => {
  it('a delivery repeated after the store is closed and opened again (a restart) is dropped', () => {
    const file = join(tempDir(), 'state.db');
    const sentAt = Date.now();
    const first = new SqliteMonitorStore(file);
    expect(createStoredSeenMessageIds(first).claim('msg-1', sentAt)).toBe(true);
    first.close();

    const reopened = new SqliteMonitorStore(file);
    const seen = createStoredSeenMessageIds(reopened);
    expect(seen.claim('msg-1', sentAt)).toBe(false);
    expect(seen.claim('msg-2', sentAt)).toBe(true);
    // A failed handling releases its id, so SNS's retry is handled.
    seen.release('msg-2');
    expect(seen.claim('msg-2', sentAt)).toBe(true);
    reopened.close();
  });

  it('ids of messages older than the window are deleted as new ones come', () => {
    let clock = 1_000_000;
    const store = new SqliteMonitorStore(join(tempDir(), 'state.db'));
    const seen = createStoredSeenMessageIds(store, { maxAgeMs: 1000, now: () => clock });
    expect(seen.claim('old', clock)).toBe(true);
    clock += 1001;
    expect(seen.claim('new', clock)).toBe(true);
    expect(seen.size()).toBe(1);
    store.close();
  });
});
