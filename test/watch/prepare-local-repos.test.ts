import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/detect/load-rules.js';
import { gitBlobId } from '../../src/fingerprint/blob-id.js';
import { DEFAULT_WINNOW_PARAMETERS } from '../../src/fingerprint/winnow-parameters.js';
import { ObjectScanner } from '../../src/scan/object-scanner.js';
import { openDatabase } from '../../src/store/sqlite/open-database.js';
import { SqliteFingerprintIndex } from '../../src/store/sqlite/sqlite-fingerprint-index.js';
import { prepareLocalRepos } from '../../src/watch/prepare-local-repos.js';
import { OUR_CACHE } from '../fingerprint/fixtures.js';
import { tempDir, writeFiles } from '../fingerprint/git-fixture.js';
import { githubToken } from '../helpers/tokens.js';

const scanner = new ObjectScanner(loadRules());
let db: Db | undefined;

afterEach(() => {
  db?.close();
  db = undefined;
});

function storedIndex(): SqliteFingerprintIndex {
  db = openDatabase(join(tempDir('prepare'), 'watch.db'));
  return SqliteFingerprintIndex.open(db, { parameters: DEFAULT_WINNOW_PARAMETERS });
}

describe('prepareLocalRepos', () => {
  it('updates a given index of a plain directory by content: unchanged files are kept, a file turned minified or deleted is removed', async () => {
    const dir = join(tempDir('prepare'), 'portal');
    const bundle = 'export const answer = 42;\n';
    writeFiles(dir, { 'src/cache.js': OUR_CACHE, 'src/bundle.js': bundle, 'src/old.js': 'export const old = "yes";\n' });
    const index = storedIndex();
    expect((await prepareLocalRepos([dir], scanner, { index })).sync).toEqual({ added: 3, unchanged: 0, removed: 0 });
    expect(index.findFile('portal', 'src/bundle.js')?.blobId).toBe(gitBlobId(bundle));

    writeFiles(dir, { 'src/bundle.js': `var a=${'1+'.repeat(1_500)}1;` });
    rmSync(join(dir, 'src/old.js'));
    expect((await prepareLocalRepos([dir], scanner, { index })).sync).toEqual({ added: 0, unchanged: 1, removed: 2 });
    expect(index.pathsOfRepo('portal')).toEqual(['src/cache.js']);
  });

  it('still knows the secrets and search terms of files it did not fingerprint again', async () => {
    const dir = join(tempDir('prepare'), 'payments');
    writeFiles(dir, { 'ci/env.sh': `export GH_TOKEN=${githubToken()}\n`, 'src/cache.js': OUR_CACHE });
    const index = storedIndex();
    const first = await prepareLocalRepos([dir], scanner, { index });
    const second = await prepareLocalRepos([dir], scanner, { index });
    expect(second.sync).toMatchObject({ added: 0, unchanged: 2 });
    expect([...second.knownSecrets.keys()]).toEqual([...first.knownSecrets.keys()]);
    expect(second.knownSecrets.size).toBe(1);
    expect(second.searchTerms).toEqual(first.searchTerms);
  });
});
