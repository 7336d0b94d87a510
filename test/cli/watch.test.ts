import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openMatchIndex } from '../../src/cli/match-index.js';
import { createWatchCommand } from '../../src/cli/watch.js';
import { openDatabase } from '../../src/store/sqlite/open-database.js';
import { SqliteMonitorStore } from '../../src/store/sqlite/sqlite-monitor-store.js';
import { OUR_CACHE, UNRELATED } from '../fingerprint/fixtures.js';
import { git, makeRepo, tempDir, writeFiles } from '../fingerprint/git-fixture.js';
import { runCommand } from '../helpers/run-command.js';
import type { CommandRun } from '../helpers/run-command.js';
import { fakeEvent, startFakePublicGitHub } from '../helpers/fake-github-public.js';
import type { FakePublicGitHub } from '../helpers/fake-github-public.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import type { MemoryLogger } from '../helpers/memory-logger.js';
import { githubToken } from '../helpers/tokens.js';
import { GIT_CONFIG_GLOBAL } from '../helpers/git-config-global.js';

type Run = CommandRun & { logs: MemoryLogger };

let github: FakePublicGitHub;
let env: NodeJS.ProcessEnv;

async function watch(args: string[]): Promise<Run> {
  const logs = createMemoryLogger();
  const run = await runCommand((out, err) => createWatchCommand({ out, err, isTty: false, env, log: logs.log }), args);
  return { ...run, logs };
}

const token = githubToken();
let repo: string;

beforeAll(() => {
  process.env.GIT_CONFIG_GLOBAL = GIT_CONFIG_GLOBAL;
  repo = makeRepo('payments', { 'src/cache.js': OUR_CACHE, 'ci/env.sh': `export GH_TOKEN=${token}\n` });
});

beforeEach(async () => {
  github = await startFakePublicGitHub();
  env = {
    LEAKWATCH_GITHUB_API_URL: github.baseUrl,
    LEAKWATCH_WATCH_USERS: 'dev-jane',
    LEAKWATCH_WATCH_SOURCES: 'github-events,github-gists',
    LEAKWATCH_CONFIG: '',
  };
  github.addRepo({ fullName: 'dev-jane/lru', commits: { c1: { 'cache.js': OUR_CACHE.replaceAll('entries', 'map'), 'hist.py': UNRELATED } }, branches: { main: 'c1' } });
  github.addEvent(fakeEvent('PublicEvent', 'dev-jane', 'dev-jane/lru'));
  github.addGist({ id: 'g1', updatedAt: '2026-11-28T10:00:00Z', files: { 'notes.sh': `GH=${token}\n` } });
});

afterEach(async () => {
  await github.close();
});

describe('leakwatch watch', () => {
  it('prints the code and credential exposures of one poll as JSON and exits 1', async () => {
    const run = await watch(['--repo', repo]);
    expect(run.err).toBe('');
    expect(run.code).toBe(1);
    const { exposures } = JSON.parse(run.out) as { exposures: Array<Record<string, unknown>> };
    expect(exposures.map((e) => [e.kind, e.repository, e.url]).sort()).toEqual([
      ['code-exposure', 'payments', 'https://github.com/dev-jane/lru/blob/main/cache.js'],
      ['credential-exposure', 'payments', 'https://gist.github.com/g1'],
    ]);
    expect(run.out).not.toContain(token);
  });

  it('with --state, a second run reports nothing and exits 0', async () => {
    const state = join(tempDir('watch-cli'), 'watch.db');
    expect((await watch(['--repo', repo, '--state', state])).code).toBe(1);
    const second = await watch(['--repo', repo, '--state', state, '--format', 'text']);
    expect(second.code).toBe(0);
    expect(second.out).toBe('Nothing of ours found in public.\n');
  });

  it('prints exposures as text with the public URL and lines', async () => {
    const run = await watch(['--repo', repo, '--format', 'text']);
    expect(run.out).toMatch(/^code-exposure of payments: code, score [\d.]+, from src\/cache\.js\n {2}https:\/\/github\.com\/dev-jane\/lru\/blob\/main\/cache\.js lines \d+-\d+/m);
    expect(run.out).toMatch(/^credential-exposure of payments: secret \S+ \(/m);
  });

  it('refuses to run without --repo, exit 2', async () => {
    const run = await watch([]);
    expect(run.code).toBe(2);
    expect(run.err).toBe('leakwatch watch: No repositories to watch for: pass --repo <path>\n');
  });

  describe('with --state, the fingerprint index of the given repositories', () => {
    const indexed = (logs: MemoryLogger) => logs.lines().find((l) => l['msg'] === 'Fingerprint index updated');
    const storedRows = (state: string): Array<{ repo: string; path: string; blob_id: string }> => {
      const db = new Database(state, { readonly: true });
      try {
        return db.prepare<[], { repo: string; path: string; blob_id: string }>('SELECT repo, path, blob_id FROM fingerprint_files ORDER BY repo, path').all();
      } finally {
        db.close();
      }
    };

    it('is kept in the state file: a second run fingerprints nothing again and still matches the public copy, `match --state` reads it, a later commit fingerprints only its changed file', async () => {
      const ours = makeRepo('payments', { 'src/cache.js': OUR_CACHE, 'src/util.js': 'export const id = (x) => x;\n' });
      const state = join(tempDir('watch-cli'), 'watch.db');
      const first = await watch(['--repo', ours, '--state', state]);
      expect(first.code).toBe(1);
      expect(indexed(first.logs)).toMatchObject({ added: 2, unchanged: 0, removed: 0, files: 2 });
      expect(storedRows(state).map((r) => [r.repo, r.path, r.blob_id])).toEqual([
        ['payments', 'src/cache.js', git(ours, 'rev-parse', 'HEAD:src/cache.js').trim()],
        ['payments', 'src/util.js', git(ours, 'rev-parse', 'HEAD:src/util.js').trim()],
      ]);

      // Forget what the watch has seen, so the second run must match the public copy again, with the loaded index.
      const db = new Database(state);
      db.exec('DELETE FROM watch_seen; DELETE FROM watch_state;');
      db.close();
      const second = await watch(['--repo', ours, '--state', state]);
      expect(indexed(second.logs)).toMatchObject({ added: 0, unchanged: 2, removed: 0 });
      expect(JSON.parse(second.out).exposures.filter((e: { kind: string }) => e.kind === 'code-exposure')).toHaveLength(1);
      const forMatch = await openMatchIndex({ state });
      expect(forMatch.index.findFile('payments', 'src/cache.js')?.blobId).toBe(git(ours, 'rev-parse', 'HEAD:src/cache.js').trim());
      forMatch.close();

      writeFiles(ours, { 'src/util.js': 'export const id = (x) => x;\nexport const two = 2;\n' });
      git(ours, 'commit', '-q', '-am', 'change util');
      const third = await watch(['--repo', ours, '--state', state]);
      expect(indexed(third.logs)).toMatchObject({ added: 1, unchanged: 1, removed: 0 });
      expect(storedRows(state).find((r) => r.path === 'src/util.js')?.blob_id).toBe(git(ours, 'rev-parse', 'HEAD:src/util.js').trim());
    });

    it('holds only the repositories given this time: files of one not given any more, and files deleted, are dropped', async () => {
      const a = makeRepo('alpha', { 'a.js': 'export const alpha = [1, 2, 3].map((n) => n * 2);\n', 'gone.js': 'export const gone = true;\n' });
      const b = makeRepo('beta', { 'b.js': 'export const beta = { name: "beta", size: 4 };\n' });
      const state = join(tempDir('watch-cli'), 'watch.db');
      await watch(['--repo', a, '--repo', b, '--state', state]);
      expect(storedRows(state).map((r) => `${r.repo}:${r.path}`)).toEqual(['alpha:a.js', 'alpha:gone.js', 'beta:b.js']);

      git(a, 'rm', '-q', 'gone.js');
      git(a, 'commit', '-q', '-m', 'drop gone');
      const run = await watch(['--repo', a, '--state', state]);
      expect(indexed(run.logs)).toMatchObject({ added: 0, unchanged: 1, removed: 2 });
      expect(storedRows(state).map((r) => `${r.repo}:${r.path}`)).toEqual(['alpha:a.js']);
    });

    it('leaves the index of a daemon state database alone and matches the given repositories in memory', async () => {
      const state = join(tempDir('watch-cli'), 'state.db');
      const daemon = new SqliteMonitorStore(state);
      daemon.upsertRepositories([
        { id: 'static:ledger', name: 'ledger', cloneUrl: '/srv/ledger.git', source: 'static-file', owner: {}, escalationContacts: [], classification: 'internal', tags: {}, ownerMissing: true },
      ]);
      daemon.close();
      const db = openDatabase(state);
      db.prepare("INSERT INTO fingerprint_files (repo, path, blob_id, token_count, line_count, k, w, scheme, fingerprints) VALUES ('ledger', 'x.js', ?, 0, 0, 1, 1, 1, x'')").run('0'.repeat(40));
      db.close();
      const run = await watch(['--repo', repo, '--state', state]);
      expect(run.code).toBe(1);
      expect(JSON.parse(run.out).exposures.map((e: { repository: string }) => e.repository)).toContain('payments');
      expect(storedRows(state).map((r) => `${r.repo}:${r.path}`)).toEqual(['ledger:x.js']);
      expect(indexed(run.logs)).toBeUndefined();
    });
  });
});
