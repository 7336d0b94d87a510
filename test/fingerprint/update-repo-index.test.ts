import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryFingerprintIndex } from '../../src/fingerprint/fingerprint-index.js';
import { scoreCandidate } from '../../src/fingerprint/score-candidate.js';
import { updateRepoIndex } from '../../src/fingerprint/update-repo-index.js';
import { DEFAULT_WINNOW_PARAMETERS } from '../../src/fingerprint/winnow-parameters.js';
import { OUR_CACHE, OUR_PARSER } from './fixtures.js';
import { git, makeRepo, writeFiles } from './git-fixture.js';
import { GIT_CONFIG_GLOBAL } from '../helpers/git-config-global.js';

const saved = process.env.GIT_CONFIG_GLOBAL;

describe('updateRepoIndex', () => {
  beforeAll(() => {
    process.env.GIT_CONFIG_GLOBAL = GIT_CONFIG_GLOBAL;
  });
  afterAll(() => {
    process.env.GIT_CONFIG_GLOBAL = saved;
  });

  it('reads only changed blobs after a new commit and drops deleted files', async () => {
    const repo = makeRepo('svc', { 'a.js': OUR_CACHE, 'b.js': OUR_PARSER, 'c.js': 'export const c = 1;\n' });
    const index = new InMemoryFingerprintIndex(DEFAULT_WINNOW_PARAMETERS);
    expect(await updateRepoIndex(index, 'svc', repo)).toEqual({ added: 3, unchanged: 0, removed: 0, skipped: 0 });
    expect(await updateRepoIndex(index, 'svc', repo)).toEqual({ added: 0, unchanged: 3, removed: 0, skipped: 0 });

    writeFiles(repo, { 'a.js': OUR_PARSER });
    git(repo, 'rm', '-q', 'b.js');
    git(repo, 'commit', '-qam', 'change a, delete b');
    expect(await updateRepoIndex(index, 'svc', repo)).toEqual({ added: 1, unchanged: 1, removed: 1, skipped: 0 });
    expect(index.pathsOfRepo('svc').sort()).toEqual(['a.js', 'c.js']);
    expect(scoreCandidate(index, OUR_CACHE)).toEqual([]);
    expect(scoreCandidate(index, OUR_PARSER)[0]).toMatchObject({ path: 'a.js', kind: 'blob' });
  });
});
