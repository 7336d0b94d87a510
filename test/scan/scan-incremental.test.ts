import { mkdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runScan } from '../../src/scan/run-scan.js';
import { openScanStore } from '../../src/store/open-store.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { writeTicketRules } from '../helpers/rule-spec.js';
import { githubToken } from '../helpers/tokens.js';

afterAll(removeTempDirs);

describe('incremental scans', () => {
  it('uses the store its caller opens, and refuses a state folder without one', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.txt': 'plain\n' });
    const state = tempDir();
    const opened: string[] = [];
    await runScan({ target: repo.dir, stateDir: state, openStore: (dir) => (opened.push(dir), openScanStore(dir)), workers: 1 });
    expect(opened).toEqual([state]);
    await expect(runScan({ target: repo.dir, stateDir: state, workers: 1 })).rejects.toThrow(/no openStore/);
  });

  it('a rerun on an unchanged repository scans zero objects and reports the same findings', async () => {
    const repo = TestRepo.create();
    const token = githubToken();
    repo.commit('one', { 'a.txt': 'plain\n', 'b.env': `T=${token}\n` });
    repo.commit('two', { 'c.txt': 'more\n' });
    const state = tempDir();
    const first = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 });
    expect(first.stats.blobs).toBe(3);
    expect(first.stats.commits).toBe(2);
    const again = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 });
    expect(again.stats).toMatchObject({ blobs: 0, commits: 0, bytes: 0 });
    expect(again.stats.cachedObjects).toBe(5);
    expect(again.findings).toEqual(first.findings);
  });

  it('after a new commit only its new objects are scanned, and old findings stay', async () => {
    const repo = TestRepo.create();
    const oldToken = githubToken();
    repo.commit('one', { 'a.txt': 'plain\n', 'b.env': `T=${oldToken}\n` });
    const state = tempDir();
    await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 });
    const newToken = githubToken();
    const c = repo.commit('two', { 'new.env': `N=${newToken}\n` });
    const next = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 });
    expect(next.stats).toMatchObject({ blobs: 1, commits: 1 });
    expect(next.findings).toHaveLength(2);
    expect(next.findings.find((f) => f.path === 'new.env')?.commit).toBe(c);
  });

  it('an old secret blob reintroduced at a new path by a new commit gains that location', async () => {
    const repo = TestRepo.create();
    const token = githubToken();
    repo.commit('one', { 'a.env': `T=${token}\n` });
    const state = tempDir();
    await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 });
    const copy = repo.commit('copy', { 'copy/a.env': `T=${token}\n` });
    const next = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 });
    expect(next.stats.blobs).toBe(0);
    expect(next.findings[0]!.locations).toContainEqual(expect.objectContaining({ commit: copy, path: 'copy/a.env' }));
  });

  it('a ruleset change rescans everything', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.txt': 'internal ticket LW-12345678\n', 'b.txt': 'x\n' });
    const state = tempDir();
    await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 });
    const rules = tempDir();
    mkdirSync(rules, { recursive: true });
    writeTicketRules(rules);
    const rescanned = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1, rulesDirs: [rules] });
    expect(rescanned.stats.blobs).toBe(2);
    expect(rescanned.findings.map((f) => f.ruleId)).toEqual(['custom-ticket']);
  });
});
