import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LeakwatchError } from '../../src/errors.js';
import { parseIgnoreRules } from '../../src/scan/ignore-rules.js';
import { runScan } from '../../src/scan/run-scan.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { githubToken } from '../helpers/tokens.js';

afterAll(removeTempDirs);

const hides = (glob: string, path: string): boolean => parseIgnoreRules(`${glob}\n`, 'test').matchesPath(path);

describe('.leakwatchignore paths follow .gitignore', () => {
  it.each([
    ['**/fixtures', 'src/fixtures/token.txt', true],
    ['**/fixtures', 'src/myfixtures/token.txt', false],
    ['docs/**/test', 'docs/a/b/test/x.md', true],
    ['docs/**/test', 'docs/test/x.md', true],
    ['docs/**/test', 'docs/latest', false],
    ['docs/**/test', 'docs/latest/x.md', false],
    ['fixtures/**', 'fixtures/a/b.txt', true],
    ['fixtures', 'src/fixtures/b.txt', true],
    ['/fixtures', 'src/fixtures/b.txt', false],
    ['*.pem', 'keys/dev.pem', true],
    ['keys/*.pem', 'keys/sub/dev.pem', false],
    ['test?.env', 'test1.env', true],
    ['[ab].env', 'c.env', false],
    ['Fixtures', 'fixtures/x', false],
  ])('%s against %s: %s', (glob, path, expected) => {
    expect(hides(glob, path)).toBe(expected);
  });

  it('re-includes with ! as .gitignore does, but not under an excluded folder', () => {
    const rules = parseIgnoreRules('fixtures/*\n!fixtures/real.env\n', 'test');
    expect(rules.matchesPath('fixtures/fake.env')).toBe(true);
    expect(rules.matchesPath('fixtures/real.env')).toBe(false);
    expect(parseIgnoreRules('fixtures/\n!fixtures/real.env\n', 'test').matchesPath('fixtures/real.env')).toBe(true);
  });
});

describe('a malformed ignore file is an error naming the file and line', () => {
  it.each([
    ['path:\n', /^f:1: empty path entry/],
    ['# ok\nrules:generic-secret-assignment\n', /^f:2: unknown entry kind "rules:"/],
    ['fingerprint:abc\n', /^f:1: a fingerprint is a finding id/],
    ['src/[abc.env\n', /^f:1: unclosed "\["/],
    ['src/[z-a].env\n', /^f:1: empty range "z-a"/],
    ['ok\n\0\n', /^f:2: not a text file/],
  ])('%j', (text, message) => {
    expect(() => parseIgnoreRules(text, 'f')).toThrow(LeakwatchError);
    expect(() => parseIgnoreRules(text, 'f')).toThrow(message);
  });

  it('never repeats a fingerprint value, which may be a pasted secret', () => {
    const token = githubToken();
    expect(() => parseIgnoreRules(`fingerprint:${token}\n`, 'f')).toThrow(/^(?![\s\S]*ghp_)/);
  });

  it('stops a scan of a plain directory whose .leakwatchignore is malformed', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'app.env'), `GITHUB_TOKEN=${githubToken()}\n`);
    writeFileSync(join(dir, '.leakwatchignore'), 'fixtures/\nrule:\n');
    await expect(runScan({ target: dir, stateDir: null, workers: 1 })).rejects.toThrow(`${join(dir, '.leakwatchignore')}:2: empty rule entry`);
  });

  it('stops a scan of a bare repository whose HEAD:.leakwatchignore is malformed', async () => {
    const work = TestRepo.create();
    work.commit('a', { 'app.env': `GITHUB_TOKEN=${githubToken()}\n`, '.leakwatchignore': '\n\nsrc/[x\n' });
    const bare = tempDir();
    work.git('clone', '-q', '--bare', work.dir, bare);
    await expect(runScan({ target: bare, stateDir: null, workers: 1 })).rejects.toThrow(/HEAD:\.leakwatchignore of .*:3: unclosed "\["/);
  });

  it('stops a scan whose ignore file names a rule that does not exist', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.leakwatchignore'), 'rule:generic-secret-asignment\n');
    await expect(runScan({ target: dir, stateDir: null, workers: 1 })).rejects.toThrow(/:1: unknown rule "generic-secret-asignment"/);
  });

  it('scans as before when there is no ignore file, in a work tree or a bare repository', async () => {
    const work = TestRepo.create();
    work.commit('a', { 'app.env': `GITHUB_TOKEN=${githubToken()}\n` });
    const bare = tempDir();
    work.git('clone', '-q', '--bare', work.dir, bare);
    expect((await runScan({ target: work.dir, stateDir: null, workers: 1 })).findings).toHaveLength(1);
    expect((await runScan({ target: bare, stateDir: null, workers: 1 })).findings).toHaveLength(1);
  });

  it('hides src/fixtures but not src/myfixtures with **/fixtures in a real scan', async () => {
    const work = TestRepo.create();
    work.commit('a', {
      'src/fixtures/a.env': `GITHUB_TOKEN=${githubToken()}\n`,
      'src/myfixtures/b.env': `GITHUB_TOKEN=${githubToken()}\n`,
      '.leakwatchignore': '**/fixtures\n',
    });
    const report = await runScan({ target: work.dir, stateDir: null, workers: 1 });
    expect(report.findings.map((f) => f.path)).toEqual(['src/myfixtures/b.env']);
  });
});
