/**
 * End to end: a private repository is indexed and its secrets hashed; public copies appear on
 * the fake GitHub through events; one poll delivers exactly the exposures, and neither a second
 * poll nor a restart on the SQLite state delivers them again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/detect/load-rules.js';
import { InMemoryFingerprintIndex } from '../../src/fingerprint/fingerprint-index.js';
import { indexLocalRepo } from '../../src/fingerprint/index-local-repo.js';
import { DEFAULT_WINNOW_PARAMETERS } from '../../src/fingerprint/winnow-parameters.js';
import { ObjectScanner } from '../../src/scan/object-scanner.js';
import { SqliteWatchState } from '../../src/store/sqlite/sqlite-watch-state.js';
import { collectSearchTerms } from '../../src/watch/distinctive-strings.js';
import { InMemoryWatchState } from '../../src/watch/memory-watch-state.js';
import { runWatchCycle } from '../../src/watch/run-watch.js';
import type { RunWatchOptions } from '../../src/watch/run-watch.js';
import { createWatchSources } from '../../src/watch/sources/api.js';
import type { PublicExposure, WatchStateStore } from '../../src/watch/types.js';
import { parseWatchSettings } from '../../src/watch/watch-settings.js';
import { OUR_CACHE, OUR_PARSER, UNRELATED } from '../fingerprint/fixtures.js';
import { makeRepo, tempDir } from '../fingerprint/git-fixture.js';
import { fakeEvent, startFakePublicGitHub } from '../helpers/fake-github-public.js';
import type { FakePublicGitHub } from '../helpers/fake-github-public.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { githubToken } from '../helpers/tokens.js';
import { testOctokit } from './watch-fixture.js';

const scanner = new ObjectScanner(loadRules());
const token = githubToken();
const PRIVATE_FILES = {
  'src/cache.js': OUR_CACHE,
  'src/parse.js': OUR_PARSER,
  'deploy/ci.env': `GITHUB_TOKEN=${token}\nREGION=eu-west-1\n`,
};

/** Our cache with identifiers renamed, re-indented, and the prune() method cut out. */
function disguisedCopy(): string {
  const withoutPrune = OUR_CACHE.replace(/\n {2}prune\(\) \{[\s\S]*?\n {2}\}\n/, '\n');
  return withoutPrune
    .replaceAll('ExpiringLruCache', 'TtlStore')
    .replaceAll('entries', 'slots')
    .replaceAll('expiresAt', 'deadline')
    .replaceAll('capacity', 'maxSize')
    .replaceAll('  ', '    ')
    .replaceAll('// ', '// note: ');
}

let github: FakePublicGitHub;
let clock: { now: number };
let base: Omit<RunWatchOptions, 'state' | 'sources' | 'sink'>;
let delivered: PublicExposure[];
const sink = { deliver: async (e: PublicExposure): Promise<void> => void delivered.push(e) };

async function cycle(state: WatchStateStore) {
  const sources = createWatchSources({ now: () => clock.now, sleep: async (ms) => void (clock.now += ms), searchTerms: () => terms });
  return runWatchCycle({ ...base, state, sources, sink });
}

let terms: ReturnType<typeof collectSearchTerms>;

beforeEach(async () => {
  delivered = [];
  clock = { now: Date.parse('2026-11-28T12:00:00Z') };
  github = await startFakePublicGitHub();
  const repoDir = makeRepo('billing-service', PRIVATE_FILES);
  const index = new InMemoryFingerprintIndex(DEFAULT_WINNOW_PARAMETERS);
  await indexLocalRepo(index, repoDir, { repo: 'billing-service' });
  const knownSecrets = new Map<string, string[]>();
  for (const path of Object.keys(PRIVATE_FILES)) {
    for (const m of scanner.scan(path, 'blob', readFileSync(join(repoDir, path)), path)!.matches) knownSecrets.set(m.secretSha256, ['billing-service']);
  }
  expect(knownSecrets.size).toBe(1);
  terms = collectSearchTerms(Object.entries(PRIVATE_FILES).map(([path, text]) => ({ repo: 'billing-service', path, text })));

  // An ex-colleague (in our perimeter) publishes an experiment holding a disguised copy...
  github.addRepo({
    fullName: 'dev-jane/cache-experiments',
    commits: { c1: { 'lib/store.js': disguisedCopy(), 'tools/hist.py': UNRELATED, 'README.md': '# experiments\n' } },
    branches: { main: 'c1' },
  });
  github.addEvent(fakeEvent('PublicEvent', 'dev-jane', 'dev-jane/cache-experiments'));
  // ...and pushes a dotfile holding our token to another repository.
  github.addRepo({
    fullName: 'dev-jane/dotfiles',
    commits: { d1: { '.bashrc': 'alias ll="ls -l"\n' }, d2: { '.bashrc': 'alias ll="ls -l"\n', '.env.ci': `export GH=${token}\n` } },
    branches: { main: 'd2' },
  });
  github.addEvent(fakeEvent('PushEvent', 'dev-jane', 'dev-jane/dotfiles', { ref: 'refs/heads/main', before: 'd1', head: 'd2' }));
  // Noise nobody should fetch.
  github.addEvent(fakeEvent('PushEvent', 'stranger', 'stranger/app', { before: 'x1', head: 'x2' }));

  base = {
    octokit: testOctokit(github),
    index,
    scanner,
    knownSecrets,
    settings: parseWatchSettings({ users: ['dev-jane'], orgs: ['acme'] }),
    log: createMemoryLogger().log,
    now: () => clock.now,
  };
});

afterEach(async () => {
  await github.close();
});

describe('runWatchCycle', () => {
  it('delivers one code exposure and one public credential exposure, for the right repository, within one poll', async () => {
    const report = await cycle(new InMemoryWatchState());
    expect(report.delivered).toBe(2);
    const code = delivered.filter((e) => e.kind === 'code-exposure');
    const cred = delivered.filter((e) => e.kind === 'credential-exposure');
    expect(code).toHaveLength(1);
    expect(code[0]).toMatchObject({
      public: true,
      repository: 'billing-service',
      url: 'https://github.com/dev-jane/cache-experiments/blob/main/lib/store.js',
      source: 'github-events',
    });
    expect(code[0]!.matchedFiles.map((f) => f.path)).toEqual(['src/cache.js']);
    expect(code[0]!.score).toBeGreaterThanOrEqual(0.4);
    expect(cred).toHaveLength(1);
    expect(cred[0]).toMatchObject({ public: true, repository: 'billing-service', url: 'https://github.com/dev-jane/dotfiles/blob/d2/.env.ci', lines: [[1, 1]] });
    expect(cred[0]!.secretSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(delivered)).not.toContain(token);
    expect(github.requestsTo('/repos/stranger/')).toEqual([]);
    expect(github.requestsTo('/search/code').map((r) => r.query.q)).toEqual(terms.map((t) => `"${t.value}"`));
    expect(terms.length).toBeGreaterThan(0);
  });

  it('delivers nothing new on a second poll with the same state', async () => {
    const state = new InMemoryWatchState();
    await cycle(state);
    clock.now += 120_000;
    const second = await cycle(state);
    expect(second.delivered).toBe(0);
    expect(delivered).toHaveLength(2);
  });

  it('after a restart on the SQLite watch state, repeats nothing and still finds what is new', async () => {
    const file = join(tempDir('watch-restart'), 'leakwatch.db');
    let db = new Database(file);
    await cycle(new SqliteWatchState(db));
    db.close();
    expect(delivered).toHaveLength(2);

    db = new Database(file);
    const state = new SqliteWatchState(db);
    clock.now += 120_000;
    const again = await cycle(state);
    expect(again.delivered).toBe(0);
    expect(github.requestsTo('/events').at(-1)!.headers['if-none-match']).toBe(state.get('github-events:etag'));

    github.addRepo({ fullName: 'dev-jane/parser-copy', commits: { p1: { 'parse.js': OUR_PARSER } }, branches: { main: 'p1' } });
    github.addEvent(fakeEvent('PublicEvent', 'dev-jane', 'dev-jane/parser-copy'));
    clock.now += 120_000;
    const later = await cycle(state);
    db.close();
    expect(later.delivered).toBe(1);
    expect(delivered.at(-1)).toMatchObject({ kind: 'code-exposure', repository: 'billing-service', matchedFiles: [{ path: 'src/parse.js', score: 1 }] });
  });

  it('delivers an exposure the sink deferred again at the next cycle, and only until it is answered', async () => {
    const file = join(tempDir('watch-deferred'), 'leakwatch.db');
    let db = new Database(file);
    // The engine cannot answer the credential exposure the first time (its incident is busy).
    let busy = true;
    const deferring = {
      deliver: async (e: PublicExposure): Promise<'deferred' | void> => {
        delivered.push(e);
        if (busy && e.kind === 'credential-exposure') return 'deferred';
      },
    };
    const run = (state: WatchStateStore) =>
      runWatchCycle({ ...base, state, sink: deferring, sources: createWatchSources({ now: () => clock.now, sleep: async (ms) => void (clock.now += ms), searchTerms: () => terms }) });
    const first = await run(new SqliteWatchState(db));
    expect(first).toMatchObject({ delivered: 1, deferred: 1 });
    db.close();

    // A restart in between: the deferred exposure is in the watch state, not in memory.
    db = new Database(file);
    const state = new SqliteWatchState(db);
    clock.now += 120_000;
    const stillBusy = await run(state);
    expect(stillBusy.delivered).toBe(0);
    busy = false;
    clock.now += 120_000;
    const second = await run(state);
    expect(second.delivered).toBe(1);
    clock.now += 120_000;
    const third = await run(state);
    db.close();
    expect(third.delivered).toBe(0);
    const creds = delivered.filter((e) => e.kind === 'credential-exposure');
    expect(creds).toHaveLength(3);
    expect(new Set(creds.map((e) => e.url))).toEqual(new Set(['https://github.com/dev-jane/dotfiles/blob/d2/.env.ci']));
  });

  it('keeps polling the other sources when one fails', async () => {
    github.failNext('/events', { status: 500, times: 5, message: 'boom' });
    github.addGist({ id: 'g7', updatedAt: '2026-11-28T11:00:00Z', files: { 'ci.env': `GH=${token}\n` } });
    const logger = createMemoryLogger();
    const report = await runWatchCycle({ ...base, log: logger.log, state: new InMemoryWatchState(), sink, sources: createWatchSources({ searchTerms: () => [] }) });
    expect(report.sources['github-events']).toMatchObject({ error: expect.any(String) });
    expect(delivered.map((e) => [e.kind, e.source, e.publicLocation])).toEqual([['credential-exposure', 'github-gists', 'gist:g7']]);
    expect(logger.lines().some((l) => l.msg === 'Public source poll failed' && l.source === 'github-events')).toBe(true);
  });
});
