import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/detect/load-rules.js';
import { scanRepository } from '../../src/scan/scan-repository.js';
import { SqliteScanStore } from '../../src/store/sqlite/sqlite-scan-store.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { githubToken } from '../helpers/tokens.js';

afterAll(removeTempDirs);

describe('what a caller records with a scan shares its transaction', () => {
  const ruleset = loadRules();

  it('a failure while recording findings leaves no scan state behind', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.env': `T=${githubToken()}\n` });
    const store = new SqliteScanStore(join(tempDir(), 'state.db'));
    const options = { ruleset, store, targetKey: 'k', maxBlobBytes: 1e6, workers: 1 };
    await expect(
      scanRepository(repo.git('rev-parse', '--absolute-git-dir').trim(), {
        ...options,
        withinSave: () => {
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    const target = store.openTarget('k', ruleset.hash);
    expect(store.scannedCount(target.id)).toBe(0);
    expect(target.storeFingerprint).toBeNull();

    let seen = 0;
    await scanRepository(repo.git('rev-parse', '--absolute-git-dir').trim(), { ...options, withinSave: (results) => (seen = results.length) });
    expect(seen).toBe(1);
    expect(store.scannedCount(target.id)).toBe(2);
    store.close();
  });
});
