/**
 * `leakwatch scan` answered from its cached report before commander loads (scan-from-cache.ts):
 * it reads a plain command line exactly as the scan command does, answers only when the cached
 * report holds, and then ends exactly as the scan command would; anything else is left to it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createScanCommand } from '../../src/cli/scan.js';
import { parsePlainScanArgs, scanFromCache, SHORT_OPTIONS, SWITCH_OPTIONS, VALUE_OPTIONS } from '../../src/cli/scan-from-cache.js';
import type { ScanFlags } from '../../src/cli/scan-flags.js';
import { TEST_GIT_ENV, TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { CLI, runCli } from '../helpers/run-cli.js';
import { writeTicketRules } from '../helpers/rule-spec.js';
import { githubToken } from '../helpers/tokens.js';

afterAll(removeTempDirs);

// printScanReport sets the exit code: put back what the test runner had.
const exitCode = process.exitCode;
afterEach(() => {
  process.exitCode = exitCode;
});

/** The target and flags commander gives the scan command's action for these arguments. */
async function commanderFlags(args: string[]): Promise<{ target: string; flags: ScanFlags }> {
  let got: { target: string; flags: ScanFlags } | undefined;
  const command = createScanCommand()
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: () => {} })
    .action((target: string, flags: ScanFlags) => {
      got = { target, flags };
    });
  await command.parseAsync(args, { from: 'user' });
  return got!;
}

describe('the plain scan command line', () => {
  it('is read as the scan command reads it', async () => {
    const lines = [
      ['repo'],
      ['repo', '--format', 'json', '--state', 'st', '--output', 'out.json'],
      ['--format=sarif', 'repo', '-o', 'out.sarif', '--state=st'],
      ['repo', '-f', 'text', '--min-confidence', 'low', '--no-progress', '--allow-incomplete'],
      ['repo', '--rules', 'a', '--rules=b', '--internal-domain', 'corp.example', '--internal-domain', 'int.example', '--org-domain', 'example.com', '--internal-cidr', '10.20.'],
      ['repo', '--max-blob-bytes', '1000', '--max-archive-bytes=2048', '--workers', '1', '--ignore-file', 'ignore.txt'],
      ['repo', '--max-blob-bytes', '1e3', '--workers', '0x1'],
    ];
    for (const args of lines) {
      expect({ args, parsed: parsePlainScanArgs(args) }).toEqual({ args, parsed: await commanderFlags(args) });
    }
  });

  it('leaves anything else to the scan command', async () => {
    const lines = [
      [],
      ['a', 'b'],
      ['repo', '--no-state'],
      ['repo', '--since', 'HEAD~1'],
      ['repo', '--verify'],
      ['repo', '--baseline', 'b.json'],
      ['repo', '--write-baseline', 'b.json'],
      ['repo', '--config', 'c.yaml'],
      ['repo', '--help'],
      ['repo', '-h'],
      ['repo', '--debug'],
      ['repo', '--format', 'xml'],
      ['repo', '--min-confidence', 'certain'],
      ['repo', '--max-blob-bytes', '0'],
      ['repo', '--max-archive-bytes', '1.5'],
      ['repo', '--workers', '100000'],
      ['repo', '--format', 'json', '--format', 'text'],
      ['repo', '--output'],
      ['repo', '--output='],
      ['repo', '--output', '-x'],
      ['repo', '-fjson'],
      ['repo', '-f=json'],
      ['repo', '--no-progress=yes'],
      ['repo', '--', '--format'],
      ['-', '--state', 'st'],
      ['repo', '--unknown'],
    ];
    for (const args of lines) expect({ args, parsed: parsePlainScanArgs(args) }).toEqual({ args, parsed: null });
  });

  it('knows only options the scan command has, taking a value or not as it does', () => {
    const options = createScanCommand().options;
    const find = (long: string) => options.find((o) => o.long === long);
    for (const long of Object.keys(VALUE_OPTIONS)) expect({ long, takes: find(long)?.required }).toEqual({ long, takes: true });
    for (const long of Object.keys(SWITCH_OPTIONS)) expect({ long, takes: find(long) && (find(long)!.required || find(long)!.optional) }).toEqual({ long, takes: false });
    for (const [short, long] of Object.entries(SHORT_OPTIONS)) expect(find(long!)?.short).toBe(short);
  });
});

describe('a scan answered from its cached report', () => {
  function repoWithSecret(): TestRepo {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.env': `T=${githubToken()}\n`, 'big.txt': `${'x'.repeat(2000)}\n` });
    return repo;
  }

  /** The report without its timing. */
  const report = (file: string) => ({ ...JSON.parse(readFileSync(file, 'utf8')), stats: { ...JSON.parse(readFileSync(file, 'utf8')).stats, durationMs: 0 } });

  it("writes what the scan command's rerun (the built CLI) writes, and sets its exit code", async () => {
    const repo = repoWithSecret();
    const state = tempDir();
    const out = tempDir();
    const args = (file: string) => ['scan', repo.dir, '--format', 'json', '--state', state, '--output', join(out, file), '--max-blob-bytes', '1000'];
    expect(runCli(args('first.json')).code).toBe(1);
    // An option given twice is left to commander: the scan command answers from the cached report.
    expect(runCli([...args('command.json'), '--format', 'json']).code).toBe(1);
    expect(await scanFromCache(args('again.json').slice(1))).toBe(true);
    expect(process.exitCode).toBe(1);
    expect(report(join(out, 'again.json'))).toEqual(report(join(out, 'command.json')));
    expect(report(join(out, 'again.json')).stats).toMatchObject({ blobs: 0, commits: 0, cachedObjects: 2, skipped: { tooLarge: 1 } });
    expect(report(join(out, 'again.json')).findings).toEqual(report(join(out, 'first.json')).findings);
  });

  it('answers nothing, and writes nothing, when the report does not hold', async () => {
    const repo = repoWithSecret();
    const state = tempDir();
    const out = tempDir();
    const rules = writeTicketRules(tempDir());
    const args = (file: string, ...more: string[]) => [repo.dir, '--state', state, '--output', join(out, file), ...more];
    // No cached report yet.
    expect(await scanFromCache(args('none.json'))).toBe(false);
    expect(runCli(['scan', ...args('first.json')]).code).toBe(1);
    expect(await scanFromCache(args('hit.json'))).toBe(true);
    // Other rules, other options, another state folder, a new commit: the scan command scans.
    expect(await scanFromCache(args('rules.json', '--rules', rules))).toBe(false);
    expect(await scanFromCache(args('options.json', '--max-blob-bytes', '10'))).toBe(false);
    expect(await scanFromCache([repo.dir, '--state', tempDir(), '--output', join(out, 'state.json')])).toBe(false);
    // An error (a rules folder that is not there) is the scan command's to report.
    expect(await scanFromCache(args('error.json', '--rules', join(out, 'missing')))).toBe(false);
    repo.commit('two', { 'b.txt': 'more\n' });
    expect(await scanFromCache(args('commit.json'))).toBe(false);
    for (const file of ['none', 'rules', 'options', 'state', 'error', 'commit']) expect(existsSync(join(out, `${file}.json`))).toBe(false);
  });
  it("keys the ignore file by its text, unparsed: an edited one is scanned again, and one that cannot be parsed is the scan command's to report", async () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.env': `T=${githubToken()}\n`, 'b.env': `U=${githubToken()}\n` });
    const state = tempDir();
    const out = tempDir();
    const given = join(tempDir(), 'ignore.txt');
    const args = (file: string, ...more: string[]) => [repo.dir, '--state', state, '--format', 'json', '--output', join(out, file), ...more];
    const paths = (file: string) => JSON.parse(readFileSync(join(out, file), 'utf8')).findings.map((f: { path: string }) => f.path);
    for (const [ignore, option] of [[join(repo.dir, '.leakwatchignore'), []], [given, ['--ignore-file', given]]] as const) {
      writeFileSync(ignore, 'a.env\n');
      expect(runCli(['scan', ...args('first.json', ...option)]).code).toBe(1);
      expect(await scanFromCache(args('hit.json', ...option))).toBe(true);
      expect(paths('hit.json')).toEqual(['b.env']);
      // The same size, another file left out.
      writeFileSync(ignore, 'b.env\n');
      expect(await scanFromCache(args('edited.json', ...option))).toBe(false);
      expect(runCli(['scan', ...args('edited.json', ...option)]).code).toBe(1);
      expect(paths('edited.json')).toEqual(['a.env']);
      writeFileSync(ignore, 'bad:b.env\n');
      expect(await scanFromCache(args('bad.json', ...option))).toBe(false);
      const bad = runCli(['scan', ...args('bad.json', ...option)]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('unknown entry kind');
      expect(existsSync(join(out, 'bad.json'))).toBe(false);
      rmSync(ignore);
    }
  });
});

describe('leakwatch scan run again (built CLI)', () => {
  it("prints the scan command's report, warnings and exit code in every format", () => {
    const repo = repoWithSecretAndIgnore();
    for (const format of ['json', 'sarif', 'text']) {
      const state = tempDir();
      const args = ['scan', repo.dir, '--format', format, '--state', state, '--max-blob-bytes', '1000'];
      const first = runCli(args);
      expect(first.code).toBe(1);
      expect(first.stderr).toContain('larger than --max-blob-bytes');
      // The scan command's own rerun (an option given twice is left to it), then the quick one.
      const command = runCli([...args, '--format', format]);
      const again = runCli(args);
      const timeless = (text: string) => text.replace(/"durationMs": \d+/, '"durationMs": 0').replace(/ in \d+\.\d+ s, /, ' in 0 s, ');
      expect({ code: again.code, stdout: timeless(again.stdout), stderr: again.stderr }).toEqual({ code: command.code, stdout: timeless(command.stdout), stderr: command.stderr });
      expect(again.stderr).toBe(first.stderr);
      if (format === 'json') expect(JSON.parse(again.stdout).findings).toEqual(JSON.parse(first.stdout).findings);
      // JSON narrowed to a confidence level reads the findings, not only their cached text.
      const narrowed = [...args, '--min-confidence', 'high'];
      expect(timeless(runCli(narrowed).stdout)).toBe(timeless(runCli([...narrowed, '--format', format]).stdout));
    }
  });

  it("reads a work tree's .leakwatchignore as the scan command does: none, one, one that cannot be read", () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.env': `T=${githubToken()}\n`, 'b.env': `U=${githubToken()}\n` });
    const state = tempDir();
    const args = ['scan', repo.dir, '--state', state, '--format', 'json'];
    const paths = (r: { stdout: string }) => JSON.parse(r.stdout).findings.map((f: { path: string }) => f.path);
    expect(paths(runCli(args))).toEqual(['a.env', 'b.env']);
    expect(paths(runCli(args))).toEqual(['a.env', 'b.env']);
    writeFileSync(join(repo.dir, '.leakwatchignore'), 'b.env\n');
    expect(paths(runCli(args))).toEqual(['a.env']);
    expect(paths(runCli(args))).toEqual(['a.env']);
    rmSync(join(repo.dir, '.leakwatchignore'));
    mkdirSync(join(repo.dir, '.leakwatchignore'));
    const folder = runCli(args);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('it is a folder');
  });

  it("answers the same through the package's bin (the CommonJS entry) as through dist/cli/main.js", () => {
    const { bin, version } = JSON.parse(readFileSync(join(dirname(dirname(dirname(CLI))), 'package.json'), 'utf8')) as { bin: { leakwatch: string }; version: string };
    const entry = join(dirname(dirname(dirname(CLI))), bin.leakwatch);
    const viaBin = (args: string[]) => spawnSync(process.execPath, [entry, ...args], { env: TEST_GIT_ENV, encoding: 'utf8' });
    expect(viaBin(['--version']).stdout).toBe(`${version}\n`);
    const repo = repoWithSecretAndIgnore();
    const state = tempDir();
    const args = ['scan', repo.dir, '--state', state, '--format', 'json', '--max-blob-bytes', '1000'];
    const first = runCli(args);
    const again = viaBin(args);
    const timeless = (text: string) => text.replace(/"durationMs": \d+/, '"durationMs": 0');
    expect({ code: again.status, stdout: timeless(again.stdout), stderr: again.stderr }).toEqual({ code: 1, stdout: timeless(runCli(args).stdout), stderr: first.stderr });
    // And what the cached report cannot answer goes to the command line as before.
    const usage = viaBin(['scan']);
    expect({ code: usage.status, stderr: usage.stderr }).toEqual({ code: runCli(['scan']).code, stderr: runCli(['scan']).stderr });
  });

  it('ends quietly, with its exit code, when the reader of its report goes away, as the scan command does', () => {
    // More findings than a pipe holds (64 KB), so the writer meets the closed pipe.
    const repo = TestRepo.create();
    repo.commit('many', Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}.env`, `T=${githubToken()}\n`])));
    const state = tempDir();
    const { bin } = JSON.parse(readFileSync(join(dirname(dirname(dirname(CLI))), 'package.json'), 'utf8')) as { bin: { leakwatch: string } };
    const entry = join(dirname(dirname(dirname(CLI))), bin.leakwatch);
    const cut = (format: string) =>
      spawnSync('bash', ['-c', 'node "$@" | head -c 100 > /dev/null; echo "exit ${PIPESTATUS[0]}" >&2', 'bash', entry, 'scan', repo.dir, '--state', state, '--format', format], {
        env: { ...TEST_GIT_ENV, PATH: process.env.PATH },
        encoding: 'utf8',
      }).stderr;
    expect(runCli(['scan', repo.dir, '--state', state, '--format', 'json']).stdout.length).toBeGreaterThan(128 * 1024);
    // Each answered from the cached report: the JSON report as cached, the text report parsed.
    for (const format of ['json', 'json', 'text']) expect(cut(format)).toBe('exit 1\n');
  });

  it('reports a bad --output as the scan command does', () => {
    const repo = repoWithSecretAndIgnore();
    const state = tempDir();
    expect(runCli(['scan', repo.dir, '--state', state, '--format', 'json']).code).toBe(1);
    const r = runCli(['scan', repo.dir, '--state', state, '--format', 'json', '--output', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^leakwatch: cannot write .* check the --output path\n$/);
  });
});

function repoWithSecretAndIgnore(): TestRepo {
  const repo = TestRepo.create();
  repo.commit('one', { 'a.env': `T=${githubToken()}\n`, 'b.env': `U=${githubToken()}\n`, 'big.txt': `${'x'.repeat(2000)}\n` });
  writeFileSync(join(repo.dir, '.leakwatchignore'), 'b.env\n');
  return repo;
}
