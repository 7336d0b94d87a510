import { afterAll, describe, expect, it } from 'vitest';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

afterAll(removeTempDirs);

/** One line on stderr that names the command's help, nothing on stdout, exit 2. */
function expectUsageError(args: string[], message: RegExp): void {
  const r = runCli(args);
  expect(r.code, `exit code of ${args.join(' ')}`).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(/^leakwatch: /);
  expect(r.stderr).toMatch(message);
}

const COMMANDS = [
  'scan', 'rules', 'rules list', 'rules test', 'rules docs', 'inventory', 'match', 'watch', 'incidents',
  'incidents list', 'incidents show', 'incidents ack', 'incidents approve', 'incidents resolve', 'incidents reopen',
  'daemon', 'canary', 'canary create',
];

describe('every command: a usage error is one line and exit 2', () => {
  it.each(COMMANDS)('%s --bogus', (command) => {
    // canary create checks its required options first.
    expectUsageError([...command.split(' '), '--bogus'], new RegExp(`(?:unknown option '--bogus'|required option '--repo <name>' not specified) \\(see 'leakwatch ${command} --help'\\)`));
  });

  it.each([
    [['match'], /missing required argument 'candidates'/],
    [['scan'], /missing required argument 'target'/],
    [['incidents', 'show'], /missing required argument 'id'/],
    [['canary', 'create', '--output', 'x'], /required option '--repo <name>' not specified/],
    [['rules', 'list', '-f', 'xml'], /argument 'xml' is invalid\. Allowed choices are table, json \(see/],
    [['scan', '.', '-f', 'xml'], /Allowed choices are text, json, sarif/],
    [['scna', '.'], /unknown command 'scna' \(Did you mean scan\?\)/],
    [['rules', 'bogus'], /unknown command 'bogus' \(see 'leakwatch rules --help'\)/],
  ])('%j', (args, message) => {
    expectUsageError(args, message);
  });

  it('--help still answers on stdout with exit 0', () => {
    for (const command of COMMANDS) {
      const r = runCli([...command.split(' '), '--help']);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toMatch(/^Usage: leakwatch /);
    }
  });
});

describe('errors that name the way out', () => {
  it('--ignore-file that does not exist', () => {
    expectUsageError(['scan', tempDir(), '--no-state', '--ignore-file', '/nope/ignore'], /cannot read ignore file \/nope\/ignore: no such file \(check --ignore-file/);
  });

  it('--since with a revision the repository does not have', () => {
    const repo = TestRepo.create();
    repo.commit('init', { 'a.txt': 'a\n' });
    const r = runCli(['scan', repo.dir, '--no-state', '--since', 'nosuchrev']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('leakwatch: --since: revision "nosuchrev" was not found in the repository (give a commit, branch or tag it has; git log --oneline lists commits)\n');
  });
});

describe('help says what is accepted', () => {
  it('scan lists its formats and every target form', () => {
    const help = runCli(['scan', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('(choices: "text", "json", "sarif")');
    for (const form of ['https://', 'ssh://', 'user@host:path', 'git://', 'file://', 'codecommit://[profile@]repo', 'codecommit::REGION://', 'https://git-codecommit.REGION.amazonaws.com/v1/repos/REPO', 'plain directory']) {
      expect(help).toContain(form);
    }
  });

  it('marks required options', () => {
    expect(runCli(['canary', 'create', '--help']).stdout.replace(/\s+/g, ' ')).toMatch(/--repo <name> the repository \(inventory name\) the key will be planted in \(required\)/);
    expect(runCli(['canary', 'create', '--help']).stdout.replace(/\s+/g, ' ')).toMatch(/--output <file> .*\(required\)/);
    expect(runCli(['watch', '--help']).stdout.replace(/\s+/g, ' ')).toMatch(/--repo <path> one of our repositories: .* \(required\)/);
  });

  it('rules list lists its formats', () => {
    expect(runCli(['rules', 'list', '--help']).stdout).toContain('(choices: "table", "json"');
  });
});
