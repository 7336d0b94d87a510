import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryFingerprintIndex } from '../../src/fingerprint/fingerprint-index.js';
import { indexLocalRepo } from '../../src/fingerprint/index-local-repo.js';
import { DEFAULT_WINNOW_PARAMETERS } from '../../src/fingerprint/winnow-parameters.js';
import { OUR_CACHE, OUR_PARSER } from './fixtures.js';
import { git, makeRepo, tempDir, writeFiles } from './git-fixture.js';
import { GIT_CONFIG_GLOBAL } from '../helpers/git-config-global.js';

const paths = (index: InMemoryFingerprintIndex) => [...index.allFiles()].map((f) => `${f.repo}:${f.path}`).sort();
const saved = { ...process.env };

describe('indexLocalRepo', () => {
  beforeAll(() => {
    process.env.GIT_CONFIG_GLOBAL = GIT_CONFIG_GLOBAL;
  });
  afterAll(() => {
    process.env = saved;
  });

  it('indexes the committed HEAD of a work tree, not uncommitted files, and skips vendored paths', async () => {
    const repo = makeRepo('shop', { 'src/cache.js': OUR_CACHE, 'node_modules/x/index.js': OUR_PARSER, 'LICENSE': 'MIT' });
    writeFiles(repo, { 'src/draft.js': OUR_PARSER });
    const index = new InMemoryFingerprintIndex(DEFAULT_WINNOW_PARAMETERS);
    const result = await indexLocalRepo(index, repo);
    expect(result).toMatchObject({ repo: 'shop', kind: 'git', indexed: 1 });
    expect(paths(index)).toEqual(['shop:src/cache.js']);
    const blob = git(repo, 'rev-parse', 'HEAD:src/cache.js').trim();
    expect([...index.allFiles()][0]!.blobId).toBe(blob);
  });

  it('reads a bare mirror through git', async () => {
    const repo = makeRepo('api', { 'a.js': OUR_CACHE, 'b/c.js': OUR_PARSER });
    const bare = join(tempDir('bare'), 'api.git');
    git(repo, 'clone', '-q', '--mirror', repo, bare);
    const index = new InMemoryFingerprintIndex(DEFAULT_WINNOW_PARAMETERS);
    expect(await indexLocalRepo(index, bare)).toMatchObject({ repo: 'api', kind: 'git', indexed: 2 });
    expect(paths(index)).toEqual(['api:a.js', 'api:b/c.js']);
  });

  it('walks a plain directory as it is', async () => {
    const dir = join(tempDir('plain'), 'tools');
    writeFiles(dir, { 'x/cache.js': OUR_CACHE, 'dist/bundle.js': OUR_PARSER });
    const index = new InMemoryFingerprintIndex(DEFAULT_WINNOW_PARAMETERS);
    expect(await indexLocalRepo(index, dir)).toMatchObject({ repo: 'tools', kind: 'directory', indexed: 1 });
    expect(paths(index)).toEqual(['tools:x/cache.js']);
  });

  it('rejects a path that is not a directory', async () => {
    const index = new InMemoryFingerprintIndex(DEFAULT_WINNOW_PARAMETERS);
    await expect(indexLocalRepo(index, '/nonexistent/leakwatch')).rejects.toMatchObject({ code: 'target' });
  });
});
