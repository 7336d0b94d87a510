// The fingerprint index shared in PostgreSQL: written through, reloaded by other processes' instances.
import { describe, expect, it } from 'vitest';
import { updateRepoIndex } from '../../../src/fingerprint/update-repo-index.js';
import { DEFAULT_WINNOW_PARAMETERS } from '../../../src/fingerprint/winnow-parameters.js';
import { parseDatabaseUrl } from '../../../src/store/postgres/pg-connection.js';
import { PgFingerprintIndex, storedPgFingerprintParameters } from '../../../src/store/postgres/pg-fingerprint-index.js';
import { PgWatchState } from '../../../src/store/postgres/pg-watch-state.js';
import { OUR_CACHE, OUR_PARSER } from '../../fingerprint/fixtures.js';
import { makeRepo } from '../../fingerprint/git-fixture.js';
import { freshSchema, probePostgres, schemaUrl, storeBackends } from '../contract/backends.js';

const unavailable = await probePostgres();
await storeBackends(); // drops this file's schemas afterwards

describe.skipIf(unavailable !== undefined)(`PostgreSQL fingerprint index and watch state${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it("keeps what one replica indexed for another, which sees it after reload(), and reopens with the stored parameters", async () => {
    const target = parseDatabaseUrl(schemaUrl(freshSchema()));
    const one = PgFingerprintIndex.open(target, { parameters: DEFAULT_WINNOW_PARAMETERS });
    const other = PgFingerprintIndex.open(target, { parameters: DEFAULT_WINNOW_PARAMETERS });
    expect(storedPgFingerprintParameters(target)).toBeUndefined();
    const repo = makeRepo('payments', { 'src/cache.js': OUR_CACHE, 'src/parse.js': OUR_PARSER });
    await updateRepoIndex(one, 'payments', repo);
    expect(one.fileCount()).toBe(2);
    expect(other.fileCount()).toBe(0);
    expect(one.reload()).toBe(false);
    expect(other.reload()).toBe(true);
    expect(other.pathsOfRepo('payments').sort()).toEqual(['src/cache.js', 'src/parse.js']);
    const file = other.findFile('payments', 'src/cache.js')!;
    expect(other.filesWithBlobId(file.blobId)).toEqual([file.id]);
    expect(storedPgFingerprintParameters(target)).toEqual(DEFAULT_WINNOW_PARAMETERS);
    expect(other.removeRepo('payments')).toBe(2);
    expect(one.reload()).toBe(true);
    expect(one.fileCount()).toBe(0);
    one.close();
    other.close();
  });

  it('drops rows made with other winnow parameters at open', async () => {
    const target = parseDatabaseUrl(schemaUrl(freshSchema()));
    const first = PgFingerprintIndex.open(target, { parameters: DEFAULT_WINNOW_PARAMETERS });
    await updateRepoIndex(first, 'payments', makeRepo('payments', { 'src/cache.js': OUR_CACHE }));
    first.close();
    const other = PgFingerprintIndex.open(target, { parameters: { k: DEFAULT_WINNOW_PARAMETERS.k + 1, w: DEFAULT_WINNOW_PARAMETERS.w } });
    expect(other.fileCount()).toBe(0);
    other.close();
  });

  it('shares watch cursors and handled ids between replicas', () => {
    const target = parseDatabaseUrl(schemaUrl(freshSchema()));
    const a = new PgWatchState(target);
    const b = new PgWatchState(target);
    a.set('github:events:etag', 'W/"1"');
    a.markSeen('events', '42');
    a.markSeen('events', '42');
    expect(b.get('github:events:etag')).toBe('W/"1"');
    expect(b.hasSeen('events', '42')).toBe(true);
    expect(b.hasSeen('events', '43')).toBe(false);
    expect(b.pruneSeen(new Date(Date.now() + 1000))).toBe(1);
    expect(a.hasSeen('events', '42')).toBe(false);
    a.close();
    b.close();
  });
});
