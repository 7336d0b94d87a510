import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScan } from '../../src/scan/run-scan.js';
import { TEST_GIT_ENV, TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { githubToken } from '../helpers/tokens.js';

afterAll(removeTempDirs);

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: TEST_GIT_ENV, encoding: 'utf8' });
}

/** Objects the clone holds: loose ones plus those in packs (`count-objects -v`). */
function objectCount(dir: string): number {
  const out = git(dir, 'count-objects', '-v');
  const field = (name: string): number => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(out)?.[1] ?? Number.NaN);
  return field('count') + field('in-pack');
}

/** A repository with a secret in its first commit, removed from the tip two commits later. */
function source(): TestRepo {
  const repo = TestRepo.create();
  repo.git('config', 'uploadpack.allowFilter', 'true');
  repo.commit('one', { 'app.env': `TOKEN=${githubToken()}\n` });
  repo.commit('two', { 'a.txt': 'plain\n' });
  rmSync(join(repo.dir, 'app.env'));
  repo.commit('three: secret removed', { 'b.txt': 'more\n' });
  return repo;
}

describe('a partial clone is scanned without reaching its promisor remote', () => {
  it('a blobless clone (--filter=blob:none) fetches nothing and is reported incomplete', async () => {
    const repo = source();
    const dir = join(tempDir(), 'blobless.git');
    git(repo.dir, 'clone', '-q', '--bare', '--filter=blob:none', `file://${repo.dir}`, dir);
    const before = objectCount(dir);
    const report = await runScan({ target: dir, stateDir: null, workers: 1 });
    expect(objectCount(dir)).toBe(before);
    expect(report.findings).toHaveLength(0);
    expect(report.stats.incomplete?.reasons).toContain('partial-clone');
  });

  it('a treeless clone (--filter=tree:0) fetches nothing and fails as an incomplete partial clone', async () => {
    const repo = source();
    const dir = join(tempDir(), 'treeless.git');
    git(repo.dir, 'clone', '-q', '--bare', '--filter=tree:0', `file://${repo.dir}`, dir);
    const before = objectCount(dir);

    // Trees are missing too, so history cannot be listed: the scan fails, naming why, rather
    // than fetch what it lacks (the secret's blob among it) or report the rest clean.
    await expect(runScan({ target: dir, stateDir: null, workers: 1 })).rejects.toThrow(/incomplete partial clone .*never fetches/);
    expect(objectCount(dir)).toBe(before);
  });
});
