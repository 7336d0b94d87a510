import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_GIT_ENV, TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { CLI, runCli } from '../helpers/run-cli.js';
import type { CliResult } from '../helpers/run-cli.js';
import { githubToken } from '../helpers/tokens.js';

afterAll(removeTempDirs);

/**
 * Runs the CLI without the capabilities that let root read and write every file whatever its
 * mode (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER), so that a file of mode 000 is as
 * unreadable to the scan as it is to any other user. The user stays the same, so the test's own
 * temporary folders (mode 0700, owned by that user) stay reachable wherever the clone sits.
 */
function runCliUnprivileged(args: string[]): CliResult {
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? 'setpriv' : process.execPath;
  const prefix = asRoot
    ? ['--bounding-set=-dac_override,-dac_read_search,-fowner', '--inh-caps=-all', process.execPath]
    : [];
  const r = spawnSync(command, [...prefix, CLI, ...args], { env: TEST_GIT_ENV, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function shallowCloneWithSecretInHistory(): string {
  const repo = TestRepo.create();
  repo.commit('one', { 'app.env': `TOKEN=${githubToken()}\n` });
  repo.commit('two', { 'a.txt': 'plain\n' });
  const dir = join(tempDir(), 'shallow.git');
  repo.git('clone', '-q', '--bare', '--depth', '1', `file://${repo.dir}`, dir);
  return dir;
}

describe('leakwatch scan: incomplete repositories (built CLI)', () => {
  it('a shallow clone exits 2 with a warning and the way out, and reports stats.incomplete', () => {
    const dir = shallowCloneWithSecretInHistory();
    const r = runCli(['scan', dir, '-f', 'json', '--no-state']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`leakwatch: warning: ${dir} is incomplete: a shallow clone`);
    expect(r.stderr).toMatch(/was not scanned whole \(shallow\): git fetch --unshallow; or pass --allow-incomplete/);
    expect(r.stderr).not.toContain('unexpected error');
    expect(JSON.parse(r.stdout).stats.incomplete).toEqual({ reasons: ['shallow'] });
  });

  it('--allow-incomplete reports what is there with exit 0/1 and the stats, in SARIF too', () => {
    const dir = shallowCloneWithSecretInHistory();
    const r = runCli(['scan', dir, '-f', 'sarif', '--no-state', '--allow-incomplete']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).runs[0].results).toHaveLength(1);
    expect(r.stderr).toContain('is incomplete');
    expect(r.stderr).not.toContain('was not scanned whole');
    expect(JSON.parse(r.stdout).runs[0].properties.stats.incomplete).toEqual({ reasons: ['shallow'] });
  });

  it('the text summary and stderr name the submodules left unscanned', () => {
    const repo = TestRepo.create();
    const other = TestRepo.create();
    const sub = other.commit('sub', { 'x.txt': 'x\n' });
    repo.commit('one', { 'a.txt': 'plain\n' });
    repo.git('update-index', '--add', '--cacheinfo', `160000,${sub},libs/sub`);
    repo.git('commit', '-q', '-m', 'submodule');
    const r = runCli(['scan', repo.dir, '-f', 'text', '--no-state']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 submodule not scanned (libs/sub)');
    expect(r.stderr).toContain(`note: 1 submodule not scanned (scan its own repositories): libs/sub @ ${sub.slice(0, 12)}`);
  });
});

describe('leakwatch scan: unreadable files in a plain directory (built CLI)', () => {
  it('counts and names every file and folder it could not read', () => {
    const root = tempDir();
    mkdirSync(join(root, 'open'));
    writeFileSync(join(root, 'open', 'ok.txt'), 'plain\n');
    writeFileSync(join(root, 'locked.env'), `TOKEN=${githubToken()}\n`);
    chmodSync(join(root, 'locked.env'), 0o000);
    mkdirSync(join(root, 'secret-dir'));
    writeFileSync(join(root, 'secret-dir', 'inner.env'), `TOKEN=${githubToken()}\n`);
    chmodSync(join(root, 'secret-dir'), 0o000);
    chmodSync(join(root, 'open'), 0o755);
    const r = runCliUnprivileged(['scan', root, '-f', 'json', '--no-state']);
    chmodSync(join(root, 'secret-dir'), 0o755);
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout).stats;
    expect(stats.blobs).toBe(1);
    expect(stats.skipped.unreadable).toBe(2);
    expect(stats.skipped.unreadablePaths).toEqual([
      { path: 'locked.env', error: 'EACCES' },
      { path: 'secret-dir', error: 'EACCES' },
    ]);
    expect(r.stderr).toContain('warning: 2 files or folders could not be read and were not scanned: locked.env (EACCES), secret-dir (EACCES)');
  });
});

describe('leakwatch scan: a damaged or read-only state.db (built CLI)', () => {
  it('a corrupt state.db is a one-line error naming the file and the way out, and is left as it was', () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.txt': 'plain\n' });
    const state = tempDir();
    const file = join(state, 'state.db');
    const junk = 'not a database\n'.repeat(400);
    writeFileSync(file, junk);
    const r = runCli(['scan', repo.dir, '-f', 'json', '--state', state]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `leakwatch: state database ${file} is damaged or not a leakwatch state (file is not a database): move it aside (it is only a cache; the next scan rebuilds it) or pass another --state\n`,
    );
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(junk);
    expect(readdirSync(state).filter((n) => n.startsWith('state.db')).sort()).toEqual(['state.db']);
  });

  it('a read-only state.db is a one-line error naming the file and the way out', () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.txt': 'plain\n' });
    const state = tempDir();
    // A state written once, then made read-only for the user who scans.
    expect(runCli(['scan', repo.dir, '-f', 'json', '--state', state]).code).toBe(0);
    // A new commit, so that the next scan has something to save (a rerun with nothing new
    // answers from its cached report and writes nothing).
    repo.commit('two', { 'b.txt': 'plain\n' });
    // Only the database is read-only: its folder (and the lock folder in it) stay writable.
    chmodSync(join(state, 'state.db'), 0o444);
    const before = readFileSync(join(state, 'state.db'));
    const r = runCliUnprivileged(['scan', repo.dir, '-f', 'json', '--state', state]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^leakwatch: state database ${join(state, 'state.db')} cannot be written \\(.*\\): make it and its folder writable, or pass another --state`));
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toContain('unexpected error');
    expect(readFileSync(join(state, 'state.db'))).toEqual(before);
  });
});
