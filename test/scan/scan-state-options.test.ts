import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { lockTarget } from '../../src/scan/lock-target.js';
import { runScan } from '../../src/scan/run-scan.js';
import { openScanStore } from '../../src/store/open-store.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { githubToken } from '../helpers/tokens.js';

afterAll(removeTempDirs);
afterEach(() => vi.restoreAllMocks());

describe('the incremental state answers only for what it read', () => {
  it('a rerun with a larger --max-blob-bytes reads the blob it skipped before', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'big.env': `TOKEN=${githubToken()}\n${'x'.repeat(4000)}\n`, 'a.txt': 'plain\n' });
    const state = tempDir();
    const small = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1, maxBlobBytes: 1000 });
    expect(small.findings).toHaveLength(0);
    expect(small.stats.skipped.tooLarge).toBe(1);
    // Same options, unchanged store: the state answers, and still says what it skipped.
    const same = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1, maxBlobBytes: 1000 });
    expect(same.stats.blobs).toBe(0);
    expect(same.stats.skipped.tooLarge).toBe(1);
    const large = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1, maxBlobBytes: 100_000 });
    expect(large.stats.blobs).toBe(1);
    expect(large.stats.skipped.tooLarge).toBe(0);
    expect(large.findings.map((f) => f.path)).toEqual(['big.env']);
  });

  it('a blob cut short by the time budget is not saved as scanned: the next run reads it whole', async () => {
    const repo = TestRepo.create();
    // The plain file and the message are longer than any whole-file rule's region (a Rails
    // master.key is read whole up to 80 bytes, a MongoDB keyfile up to 1,100), so app.env is the
    // one text with candidates.
    const message = 'one: the first commit of this repository, with a message longer than eighty bytes';
    repo.commit(message, { 'app.env': `TOKEN=${githubToken()}\n`, 'a.txt': 'plain\n'.repeat(200) });
    const state = tempDir();
    // Every clock reading ten seconds after the last: each text's deadline has passed when it is matched.
    const realNow = Date.now.bind(Date);
    let skew = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + (skew += 10_000));
    const rushed = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 });
    vi.restoreAllMocks();
    expect(rushed.stats.skipped.partial).toBe(1);
    expect(rushed.findings).toHaveLength(0);
    const whole = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 });
    expect(whole.stats.blobs).toBe(1);
    expect(whole.stats.skipped.partial).toBe(0);
    expect(whole.findings.map((f) => f.path)).toEqual(['app.env']);
    const again = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 });
    expect(again.stats.blobs).toBe(0);
    expect(again.findings).toHaveLength(1);
  });

  it('after a history rewrite and gc --prune=now, findings whose objects are gone are dropped', async () => {
    const repo = TestRepo.create();
    const base = repo.commit('one', { 'a.txt': 'plain\n' });
    repo.commit('oops', { 'app.env': `TOKEN=${githubToken()}\n` });
    const state = tempDir();
    const before = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 });
    expect(before.findings).toHaveLength(1);
    repo.git('reset', '-q', '--hard', base);
    repo.git('reflog', 'expire', '--expire=now', '--all');
    repo.git('gc', '-q', '--prune=now');
    const after = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 });
    expect(after.findings).toHaveLength(0);
    // And from the state, with nothing changed since.
    const again = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 });
    expect(again.stats.blobs + again.stats.commits).toBe(0);
    expect(again.findings).toHaveLength(0);
  });
});

describe('one scan of a target at a time per state folder', () => {
  it('two concurrent scans with one --state record each object once', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'app.env': `TOKEN=${githubToken()}\n`, 'a.txt': 'plain\n' });
    repo.commit('two', { 'b.txt': 'more\n' });
    const state = tempDir();
    const [a, b] = await Promise.all([
      runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 }),
      runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 }),
    ]);
    expect(a.findings).toHaveLength(1);
    expect(b.findings).toEqual(a.findings);
    // 3 blobs + 2 commits, once each.
    const db = new Database(join(state, 'state.db'), { readonly: true });
    const scanned = db.prepare('SELECT sum(length(oids) / width) FROM scanned_sets').pluck().get();
    const matches = db.prepare('SELECT count(*) FROM object_matches').pluck().get();
    db.close();
    expect(scanned).toBe(5);
    expect(matches).toBe(1);
    expect([a.stats.cachedObjects, b.stats.cachedObjects].sort()).toEqual([0, 5]);
  });

  it('a scan that cannot get the lock in time fails with a one-line error naming the way out', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.txt': 'plain\n' });
    const state = tempDir();
    const { realpathSync } = await import('node:fs');
    const held = await lockTarget(state, `git:${realpathSync(repo.dir)}`, repo.dir);
    const waits: string[] = [];
    await expect(runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1, lockWaitMs: 300, onLockWait: (m) => waits.push(m) })).rejects.toThrow(
      /another scan of .* \(pid \d+\) still holds .*\.lock after 0 s: wait for it to finish, or pass another --state/,
    );
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatch(/^waiting for another scan of /);
    held.release();
    const report = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1, lockWaitMs: 0 });
    expect(report.stats.blobs).toBe(1);
  });

  it('a lock left by a process that died is taken over', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.txt': 'plain\n' });
    const state = tempDir();
    const { realpathSync, writeFileSync, readdirSync } = await import('node:fs');
    const held = await lockTarget(state, `git:${realpathSync(repo.dir)}`, repo.dir);
    const [file] = readdirSync(join(state, 'locks'));
    held.release();
    // A pid that cannot be running (above the kernel's pid_max).
    writeFileSync(join(state, 'locks', file!), '99999999\n');
    const report = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1, lockWaitMs: 0 });
    expect(report.stats.blobs).toBe(1);
    rmSync(join(state, 'locks'), { recursive: true, force: true });
  });
});

describe('a plain folder keeps no state', () => {
  it('is scanned without loading the store modules, a repository with them', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'app.env'), `TOKEN=${githubToken()}\n`);
    const state = tempDir();
    let loads = 0;
    const loadOpenStore = async (): Promise<typeof openScanStore> => {
      loads++;
      return openScanStore;
    };
    const plain = await runScan({ target: folder, stateDir: state, loadOpenStore, workers: 1 });
    expect(plain.findings.map((f) => f.path)).toEqual(['app.env']);
    expect(loads).toBe(0);
    const repo = TestRepo.create();
    repo.commit('one', { 'app.env': `TOKEN=${githubToken()}\n` });
    const history = await runScan({ target: repo.dir, stateDir: state, loadOpenStore, workers: 1 });
    expect(history.findings.map((f) => f.path)).toEqual(['app.env']);
    expect(loads).toBe(1);
  });
});
