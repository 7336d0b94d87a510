import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMatchCommand } from '../../src/cli/match.js';
import { updateRepoIndex } from '../../src/fingerprint/update-repo-index.js';
import { DEFAULT_WINNOW_PARAMETERS } from '../../src/fingerprint/winnow-parameters.js';
import { openDatabase } from '../../src/store/sqlite/open-database.js';
import { SqliteFingerprintIndex } from '../../src/store/sqlite/sqlite-fingerprint-index.js';
import { OUR_CACHE, OUR_PARSER, UNRELATED } from '../fingerprint/fixtures.js';
import { git, makeRepo, tempDir, writeFiles } from '../fingerprint/git-fixture.js';
import { runCommand } from '../helpers/run-command.js';
import type { CommandRun } from '../helpers/run-command.js';
import { GIT_CONFIG_GLOBAL } from '../helpers/git-config-global.js';

function match(args: string[]): Promise<CommandRun> {
  return runCommand((out, err) => createMatchCommand({ out, err, isTty: false }), args);
}

describe('leakwatch match', () => {
  let repo: string;
  let candidates: string;

  beforeAll(() => {
    process.env.GIT_CONFIG_GLOBAL = GIT_CONFIG_GLOBAL;
    repo = makeRepo('payments', { 'src/cache.js': OUR_CACHE, 'src/parse.js': OUR_PARSER });
    candidates = tempDir('cand');
    const excerpt = OUR_PARSER.split('\n').slice(1, 27).join('\n').replaceAll('header', 'h').replaceAll('  ', '    ');
    writeFiles(candidates, {
      'copy/cache.js': OUR_CACHE,
      'pasted/tool.py': `${UNRELATED}\n${excerpt}\n`,
      'clean/other.py': UNRELATED,
    });
  });

  afterEach(() => {
    process.exitCode = undefined;
  });

  it('exits 1 and prints JSON matches with line ranges on both sides', async () => {
    const run = await match([join(candidates, 'copy'), join(candidates, 'pasted'), '--repo', repo, '--format', 'json']);
    expect(run.code).toBe(1);
    const { matches } = JSON.parse(run.out) as { matches: Array<Record<string, unknown>> };
    const byCandidate = new Map(matches.map((m) => [m.candidate, m]));
    const lines = OUR_CACHE.split('\n').length - 1;
    expect(byCandidate.get(join(candidates, 'copy', 'cache.js'))).toMatchObject({
      repo: 'payments', path: 'src/cache.js', score: 1, candidateLines: [[1, lines]], sourceLines: [[1, lines]],
    });
    const pasted = byCandidate.get(join(candidates, 'pasted', 'tool.py'))!;
    expect(pasted).toMatchObject({ repo: 'payments', path: 'src/parse.js' });
    expect(pasted.score as number).toBeGreaterThanOrEqual(0.5);
    const [[cStart]] = pasted.candidateLines as number[][];
    const [[sStart]] = pasted.sourceLines as number[][];
    expect(cStart).toBeGreaterThan(20);
    expect(sStart).toBeLessThan(10);
    for (const m of matches) expect(Object.keys(m)).toEqual(expect.arrayContaining(['candidate', 'repo', 'path', 'score', 'candidateLines', 'sourceLines']));
  });

  it('exits 0 with an empty match list when nothing is ours', async () => {
    const run = await match([join(candidates, 'clean'), '--repo', repo, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toEqual({ matches: [] });
  });

  it('matches against a plain directory and prints text', async () => {
    const dir = tempDir('plain-src');
    writeFiles(dir, { 'lib/cache.js': OUR_CACHE });
    const run = await match([join(candidates, 'copy', 'cache.js'), '--repo', dir, '--format', 'text']);
    expect(run.code).toBe(1);
    expect(run.out).toContain('lib/cache.js score 1.00');
    expect(run.out).toContain(`candidate lines 1-${OUR_CACHE.split('\n').length - 1}`);
  });

  it('applies --threshold', async () => {
    const run = await match([join(candidates, 'pasted'), '--repo', repo, '--threshold', '1', '--format', 'json']);
    expect(JSON.parse(run.out).matches.every((m: { score: number }) => m.score >= 1)).toBe(true);
  });

  it.each([
    [['/nonexistent/candidate.js', '--repo', '.'], /does not exist/],
    [['ftp://example.com/a.js', '--repo', '.'], /only http and https URLs/],
    [['x.js', '--repo', '.', '--threshold', 'high'], /--threshold must be a number/],
  ])('exits 2 with a one-line error on bad input %j', async (args, message) => {
    const run = await match(args);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.err.trim().split('\n')).toHaveLength(1);
  });

  it('turns a commander usage error into exit code 2', async () => {
    const run = await match(['--repo', repo, '--format', 'xml', 'a.js']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/xml/);
  });

  it('says in --help how URL candidates are read, and where the index comes from without --repo', async () => {
    const run = await match(['--help']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/URL candidates/);
    expect(run.out).toMatch(/--max-url-files/);
    expect(run.out).toMatch(/Without --repo, candidates are matched against the index the daemon keeps/);
  });

  describe('without --repo, against the index stored in the state database', () => {
    let stateDir: string;

    beforeAll(async () => {
      stateDir = tempDir('state');
      const db = openDatabase(join(stateDir, 'state.db'));
      await updateRepoIndex(SqliteFingerprintIndex.open(db, { parameters: DEFAULT_WINNOW_PARAMETERS }), 'payments', repo);
      db.close();
    });

    it('matches candidates against the stored index given with --state', async () => {
      const run = await match([join(candidates, 'copy'), join(candidates, 'clean'), '--state', join(stateDir, 'state.db'), '--format', 'json']);
      expect(run.code).toBe(1);
      const { matches } = JSON.parse(run.out) as { matches: Array<Record<string, unknown>> };
      expect(matches).toEqual([expect.objectContaining({ candidate: join(candidates, 'copy', 'cache.js'), repo: 'payments', path: 'src/cache.js', score: 1 })]);
    });

    it('finds the state database in the data directory of --config', async () => {
      const config = join(tempDir('cfg'), 'leakwatch.yaml');
      writeFileSync(config, JSON.stringify({ dataDir: stateDir }));
      const run = await match([join(candidates, 'pasted'), '--config', config, '--format', 'json']);
      expect(run.code).toBe(1);
      expect(JSON.parse(run.out).matches[0]).toMatchObject({ repo: 'payments', path: 'src/parse.js' });
    });

    it('exits 2 with one line telling to run the daemon or pass --repo when there is no state database, without creating one', async () => {
      const missing = join(tempDir('nostate'), 'state.db');
      const run = await match([join(candidates, 'copy'), '--state', missing]);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/No fingerprint index in .*state\.db: run `leakwatch daemon` first .* or pass --repo <path>/);
      expect(run.err.trim().split('\n')).toHaveLength(1);
      expect(existsSync(missing)).toBe(false);
    });

    it('exits 2 the same way when the state database holds no index', async () => {
      const empty = join(tempDir('emptystate'), 'state.db');
      openDatabase(empty).close();
      const run = await match([join(candidates, 'copy'), '--state', empty]);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/No fingerprint index in .*: run `leakwatch daemon` first/);
    });
  });

  it('exits 2 when a --repo git repository has no commit', async () => {
    const parent = tempDir('empty');
    const empty = join(parent, 'fresh');
    git(parent, 'init', '-q', empty);
    const run = await match([join(candidates, 'copy'), '--repo', empty]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/Cannot list HEAD/);
  });

  it('exits 2 when a --repo path is not a directory', async () => {
    const file = join(tempDir('notdir'), 'f.txt');
    writeFileSync(file, 'x');
    const run = await match([join(candidates, 'copy'), '--repo', file]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/not a directory/);
  });
});
