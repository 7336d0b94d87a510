import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScan } from '../../src/scan/run-scan.js';
import { openScanStore } from '../../src/store/open-store.js';
import { TEST_GIT_ENV, TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { githubToken } from '../helpers/tokens.js';

afterAll(removeTempDirs);

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: TEST_GIT_ENV, encoding: 'utf8' });
}

/** A repository with a secret in its first commit, removed from the tip two commits later. */
function source(): { repo: TestRepo; token: string } {
  const repo = TestRepo.create();
  repo.git('config', 'uploadpack.allowFilter', 'true');
  const token = githubToken();
  repo.commit('one', { 'app.env': `TOKEN=${token}\n` });
  repo.commit('two', { 'a.txt': 'plain\n' });
  rmSync(join(repo.dir, 'app.env'));
  repo.commit('three: secret removed', { 'b.txt': 'more\n' });
  return { repo, token };
}

describe('incomplete repositories are never reported clean', () => {
  it('a blobless clone (--filter=blob:none) is a partial clone with its blobs counted missing', async () => {
    const { repo } = source();
    const dir = join(tempDir(), 'blobless.git');
    git(repo.dir, 'clone', '-q', '--bare', '--filter=blob:none', `file://${repo.dir}`, dir);
    const report = await runScan({ target: dir, stateDir: null, workers: 1 });
    expect(report.findings).toHaveLength(0);
    expect(report.stats.incomplete).toEqual({ reasons: ['partial-clone', 'missing-objects'] });
    expect(report.stats.skipped.missing).toBe(3);
  });

  it('a shallow clone says so', async () => {
    const { repo } = source();
    const dir = join(tempDir(), 'shallow.git');
    git(repo.dir, 'clone', '-q', '--bare', '--depth', '1', `file://${repo.dir}`, dir);
    const report = await runScan({ target: dir, stateDir: null, workers: 1 });
    expect(report.findings).toHaveLength(0);
    expect(report.stats.incomplete).toEqual({ reasons: ['shallow'] });
    expect(report.stats.skipped.missing).toBe(0);
  });

  it('a complete repository is not incomplete', async () => {
    const { repo } = source();
    const report = await runScan({ target: repo.dir, stateDir: null, workers: 1 });
    expect(report.findings).toHaveLength(1);
    expect(report.stats.incomplete).toBeNull();
    expect(report.stats.skipped).toMatchObject({ missing: 0, submodules: [], unreadable: 0 });
  });
});

describe('blobs that history names but the store lacks', () => {
  it('are counted, named with path and commit, and make the repository incomplete, also on reruns', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.txt': 'plain\n' });
    const lost = repo.commit('two', { 'secret.env': `TOKEN=${githubToken()}\n` });
    const blob = repo.git('rev-parse', `${lost}:secret.env`).trim();
    // Gone from the work tree too, so no later `git add` writes the blob again.
    rmSync(join(repo.dir, 'secret.env'));
    repo.commit('secret removed');
    rmSync(join(repo.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const state = tempDir();
    const report = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 });
    expect(report.findings).toHaveLength(0);
    expect(report.stats.skipped.missing).toBe(1);
    expect(report.stats.skipped.missingExamples).toEqual([{ blob, path: 'secret.env', commit: lost }]);
    expect(report.stats.incomplete).toEqual({ reasons: ['missing-objects'] });
    // From the state (nothing changed), and after a new commit (only it is walked): still said.
    const again = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 });
    expect(again.stats.cachedObjects).toBeGreaterThan(0);
    expect(again.stats.skipped.missing).toBe(1);
    expect(again.stats.incomplete).toEqual({ reasons: ['missing-objects'] });
    repo.commit('three', { 'c.txt': 'more\n' });
    const next = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 });
    expect(next.stats.blobs).toBe(1);
    expect(next.stats.skipped.missingExamples).toEqual([{ blob, path: 'secret.env', commit: lost }]);
    expect(next.stats.incomplete).toEqual({ reasons: ['missing-objects'] });
  });
});

describe('submodules', () => {
  it('are listed as skipped with path and commit, not counted missing', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.txt': 'plain\n' });
    const other = TestRepo.create();
    const first = other.commit('sub one', { 'x.txt': 'x\n' });
    const second = other.commit('sub two', { 'y.txt': 'y\n' });
    repo.git('update-index', '--add', '--cacheinfo', `160000,${first},vendor/lib`);
    repo.git('commit', '-q', '-m', 'add submodule');
    repo.git('update-index', '--cacheinfo', `160000,${second},vendor/lib`);
    repo.git('commit', '-q', '-m', 'bump submodule');
    const report = await runScan({ target: repo.dir, stateDir: tempDir(), openStore: openScanStore, workers: 1 });
    expect(report.stats.skipped.submodules).toEqual([{ path: 'vendor/lib', commit: second }]);
    expect(report.stats.skipped.missing).toBe(0);
    expect(report.stats.incomplete).toBeNull();
  });
});
