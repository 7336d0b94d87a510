import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadRules } from '../../src/detect/load-rules.js';
import type * as EngineVersion from '../../src/detect/engine-version.js';
import { rulesSourceKey } from '../../src/detect/rule-sources.js';
import { readHeadCommit } from '../../src/git/read-head.js';
import { reportCacheKey } from '../../src/scan/report-cache.js';
import { runScan } from '../../src/scan/run-scan.js';
import type { RunScanOptions } from '../../src/scan/run-scan.js';
import { openScanStore } from '../../src/store/open-store.js';
import type { ScanStore } from '../../src/store/types.js';
import { TEST_GIT_ENV, TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { writeTicketRules } from '../helpers/rule-spec.js';
import { githubToken } from '../helpers/tokens.js';

afterAll(removeTempDirs);

/** runScan with a store opener that counts how often the state is opened. */
function scanner(target: string, state: string) {
  const opened = { count: 0 };
  const scan = (more: Partial<RunScanOptions> = {}) =>
    runScan({ target, stateDir: state, workers: 1, loadOpenStore: async () => (dir: string): ScanStore => (opened.count++, openScanStore(dir)), ...more });
  return { scan, opened };
}

const cacheFiles = (state: string): string[] => (existsSync(join(state, 'reports')) ? readdirSync(join(state, 'reports')) : []);

describe('the cached report of a rerun', () => {
  it('a rerun with nothing new reports exactly what the first run did, without opening the state', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.env': `T=${githubToken()}\n`, 'b.txt': 'plain\n' });
    repo.commit('two', { 'c.env': `U=${githubToken()}\n` });
    const state = tempDir();
    const { scan, opened } = scanner(repo.dir, state);
    const first = await scan();
    expect(first.findings).toHaveLength(2);
    expect(opened.count).toBe(1);
    const again = await scan();
    expect(opened.count).toBe(1);
    expect(again.findings).toEqual(first.findings);
    expect(again.rulesetHash).toBe(first.rulesetHash);
    // The stats the state's own fast path gives: nothing read, every object known.
    const direct = await runScan({ target: repo.dir, stateDir: state, workers: 1, openStore: openScanStore, ruleset: loadRules() });
    expect({ ...again.stats, durationMs: 0 }).toEqual({ ...direct.stats, durationMs: 0 });
    expect(again.stats).toMatchObject({ blobs: 0, commits: 0, cachedObjects: 5 });
  });

  it('a new commit is scanned, and the rerun after it answers from the new report', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.env': `T=${githubToken()}\n` });
    const state = tempDir();
    const { scan, opened } = scanner(repo.dir, state);
    await scan();
    const c = repo.commit('two', { 'new.env': `N=${githubToken()}\n` });
    const next = await scan();
    expect(opened.count).toBe(2);
    expect(next.stats).toMatchObject({ blobs: 1, commits: 1 });
    expect(next.findings.map((f) => f.commit)).toContain(c);
    const again = await scan();
    expect(opened.count).toBe(2);
    expect(again.findings).toEqual(next.findings);
  });

  it('other options, an ignore file or a baseline are not answered from a report made without them', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.env': `T=${githubToken()}\n`, 'big.env': `B=${githubToken()}\n${'x'.repeat(4000)}\n` });
    const state = tempDir();
    const { scan, opened } = scanner(repo.dir, state);
    const small = await scan({ maxBlobBytes: 1000 });
    expect(small.stats.skipped.tooLarge).toBe(1);
    expect(small.findings).toHaveLength(1);
    const first = await scan();
    expect(opened.count).toBe(2);
    expect(first.findings).toHaveLength(2);
    const baseline = await scan({ baseline: new Set([first.findings[0]!.id]) });
    expect(opened.count).toBe(3);
    expect(baseline.findings.map((f) => f.id)).toEqual([first.findings[1]!.id]);
    writeFileSync(join(repo.dir, '.leakwatchignore'), 'big.env\n');
    const ignored = await scan();
    expect(opened.count).toBe(4);
    expect(ignored.findings.map((f) => f.path)).toEqual(['a.env']);
    expect((await scan()).findings).toEqual(ignored.findings);
    expect(opened.count).toBe(4);
  });

  it('other rules are not answered from a report made with the old ones', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.txt': 'internal ticket LW-12345678\n' });
    const state = tempDir();
    const { scan, opened } = scanner(repo.dir, state);
    expect((await scan()).findings).toHaveLength(0);
    const rules = tempDir();
    writeTicketRules(rules);
    const withRules = await scan({ rulesDirs: [rules] });
    expect(opened.count).toBe(2);
    expect(withRules.findings.map((f) => f.ruleId)).toEqual(['custom-ticket']);
    expect((await scan({ rulesDirs: [rules] })).findings).toEqual(withRules.findings);
    expect(opened.count).toBe(2);
  });

  it('a new engine version is not answered from a report of the old one', async () => {
    // Both halves of the key carry the engine version: the rules' source key and the report's own.
    const inputs = { targetKey: 'git:/r', fingerprint: 'f', optionsKey: '{}', ignoreDigest: '' };
    const before = { rules: rulesSourceKey(), report: reportCacheKey({ ...inputs, rulesKey: 'r' }) };
    vi.resetModules();
    vi.doMock('../../src/detect/engine-version.js', async (importOriginal) => ({
      ...(await importOriginal<typeof EngineVersion>()),
      ENGINE_VERSION: 1000,
    }));
    try {
      const sources = await import('../../src/detect/rule-sources.js');
      const cache = await import('../../src/scan/report-cache.js');
      expect(sources.rulesSourceKey()).not.toBe(before.rules);
      expect(cache.reportCacheKey({ ...inputs, rulesKey: 'r' })).not.toBe(before.report);
    } finally {
      vi.doUnmock('../../src/detect/engine-version.js');
      vi.resetModules();
    }
  });

  it('a scan that dies before saving leaves no cached report behind, and the next run scans again', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.env': `T=${githubToken()}\n` });
    const state = tempDir();
    const { scan } = scanner(repo.dir, state);
    await scan();
    expect(cacheFiles(state)).toHaveLength(1);
    repo.commit('two', { 'b.env': `U=${githubToken()}\n` });
    // As after a kill -9 between dropping the report and committing the scan's state.
    const dying = (dir: string): ScanStore => {
      const store = openScanStore(dir);
      store.saveScan = () => {
        throw new Error('killed');
      };
      return store;
    };
    await expect(runScan({ target: repo.dir, stateDir: state, workers: 1, openStore: dying })).rejects.toThrow('killed');
    expect(cacheFiles(state)).toHaveLength(0);
    const next = await scan();
    expect(next.stats.commits).toBe(1);
    expect(next.findings).toHaveLength(2);
  });

  it('a damaged cached report is read as none', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.env': `T=${githubToken()}\n` });
    const state = tempDir();
    const { scan, opened } = scanner(repo.dir, state);
    const first = await scan();
    const [file] = cacheFiles(state);
    const path = join(state, 'reports', file!);
    const kept = readFileSync(path, 'utf8');
    writeFileSync(path, 'not a report');
    expect((await scan()).findings).toEqual(first.findings);
    expect(opened.count).toBe(2);
    // Its findings changed (still JSON, same length) under a head that matches: read as none too.
    expect(kept.split('\n').length).toBeGreaterThan(4);
    const edited = kept.replace(/"path": "a\.env"/, '"path": "b.env"');
    expect(edited).not.toBe(kept);
    writeFileSync(path, edited);
    expect((await scan()).findings).toEqual(first.findings);
    expect(opened.count).toBe(3);
  });

  it('a rerun answered from its cached report runs no git', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.env': `T=${githubToken()}\n` });
    const bare = tempDir();
    execFileSync('git', ['clone', '-q', '--bare', repo.dir, bare], { env: TEST_GIT_ENV });
    for (const target of [repo.dir, bare]) {
      const state = tempDir();
      const { scan } = scanner(target, state);
      const first = await scan();
      const path = process.env.PATH;
      process.env.PATH = '/nonexistent';
      try {
        expect((await scan()).findings).toEqual(first.findings);
      } finally {
        process.env.PATH = path;
      }
    }
  });

  it('a ref changed without a new object answers what a scan without state finds; a ref moved to a new commit is scanned again', async () => {
    // Every object is scanned, reachable or not, so refs alone change no finding: the object store's fingerprint is the key.
    const repo = TestRepo.create();
    repo.commit('one', { 'a.env': `T=${githubToken()}\n` });
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit('side', { 'b.env': `U=${githubToken()}\n` });
    repo.git('checkout', '-q', 'main');
    const state = tempDir();
    const { scan, opened } = scanner(repo.dir, state);
    const first = await scan();
    expect(first.findings.map((f) => f.path)).toEqual(['a.env', 'b.env']);
    repo.git('branch', '-q', '-D', 'side');
    repo.git('reflog', 'expire', '--expire=now', '--all');
    const deleted = await scan();
    expect(opened.count).toBe(1);
    const stateless = await runScan({ target: repo.dir, stateDir: null, workers: 1 });
    expect(deleted.findings).toEqual(stateless.findings);
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit('new', { 'c.env': `V=${githubToken()}\n` });
    expect((await scan()).findings.map((f) => f.path)).toEqual(['a.env', 'b.env', 'c.env']);
    expect(opened.count).toBe(2);
  });

  it("a bare repository's HEAD moved to a commit with another .leakwatchignore is scanned again", async () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.env': `T=${githubToken()}\n`, 'b.env': `U=${githubToken()}\n` });
    repo.git('checkout', '-q', '-b', 'other');
    repo.commit('ignore b', { '.leakwatchignore': 'b.env\n' });
    repo.git('checkout', '-q', 'main');
    const bare = tempDir();
    execFileSync('git', ['clone', '-q', '--bare', repo.dir, bare], { env: TEST_GIT_ENV });
    const state = tempDir();
    const { scan, opened } = scanner(bare, state);
    expect((await scan()).findings).toHaveLength(2);
    expect((await scan()).findings).toHaveLength(2);
    expect(opened.count).toBe(1);
    // No new object: only HEAD says which .leakwatchignore holds.
    execFileSync('git', ['--git-dir', bare, 'symbolic-ref', 'HEAD', 'refs/heads/other'], { env: TEST_GIT_ENV });
    const moved = await scan();
    expect(moved.findings.map((f) => f.path)).toEqual(['a.env']);
    expect(opened.count).toBe(2);
    expect((await scan()).findings).toEqual(moved.findings);
    expect(opened.count).toBe(2);
  });
});

describe('readHeadCommit', () => {
  it('follows HEAD through loose and packed refs, and a detached HEAD', () => {
    const repo = TestRepo.create();
    const one = repo.commit('one', { 'a.txt': 'x\n' });
    const gitDir = join(repo.dir, '.git');
    expect(readHeadCommit(gitDir)).toBe(one);
    repo.git('pack-refs', '--all', '--prune');
    expect(readHeadCommit(gitDir)).toBe(one);
    const two = repo.commit('two', { 'b.txt': 'y\n' });
    expect(readHeadCommit(gitDir)).toBe(two);
    repo.git('checkout', '-q', '--detach', one);
    expect(readHeadCommit(gitDir)).toBe(one);
  });

  it('is null where it cannot be sure: an unborn branch, a linked work tree', () => {
    const empty = TestRepo.create();
    expect(readHeadCommit(join(empty.dir, '.git'))).toBeNull();
    const repo = TestRepo.create();
    repo.commit('one', { 'a.txt': 'x\n' });
    const linked = join(tempDir(), 'wt');
    repo.git('worktree', 'add', '-q', linked);
    expect(readHeadCommit(join(repo.dir, '.git', 'worktrees', 'wt'))).toBeNull();
  });
});
