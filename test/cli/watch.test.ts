import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWatchCommand } from '../../src/cli/watch.js';
import { OUR_CACHE, UNRELATED } from '../fingerprint/fixtures.js';
import { makeRepo, tempDir } from '../fingerprint/git-fixture.js';
import { runCommand } from '../helpers/run-command.js';
import type { CommandRun } from '../helpers/run-command.js';
import { fakeEvent, startFakePublicGitHub } from '../helpers/fake-github-public.js';
import type { FakePublicGitHub } from '../helpers/fake-github-public.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { githubToken } from '../helpers/tokens.js';

let github: FakePublicGitHub;
let env: NodeJS.ProcessEnv;

function watch(args: string[]): Promise<CommandRun> {
  return runCommand((out, err) => createWatchCommand({ out, err, isTty: false, env, log: createMemoryLogger().log }), args);
}

const token = githubToken();
let repo: string;

beforeAll(() => {
  process.env.GIT_CONFIG_GLOBAL = '/dev/null';
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
});
