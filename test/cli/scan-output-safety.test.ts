/* eslint-disable no-control-regex -- these tests look for raw control characters */
import { lstatSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { githubToken } from '../helpers/tokens.js';

afterAll(removeTempDirs);

function repoWithToken(path = 'src/app.ts'): TestRepo {
  const repo = TestRepo.create();
  repo.commit('add', { [path]: `export const token = '${githubToken()}';\n` });
  return repo;
}

describe('leakwatch scan: output targets and echoes (built CLI)', () => {
  it('-o /dev/stdout writes the report to the process stdout and leaves /dev/stdout a link', () => {
    const repo = repoWithToken();
    const before = readlinkSync('/dev/stdout');
    const r = runCli(['scan', repo.dir, '-f', 'json', '--state', tempDir(), '-o', '/dev/stdout']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ tool: 'leakwatch', findings: [{ ruleId: expect.any(String) }] });
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
    expect(readlinkSync('/dev/stdout')).toBe(before);
  });

  it('a non-JSON --baseline is refused without echoing a byte of it', () => {
    const repo = repoWithToken();
    const secret = githubToken();
    const baseline = join(tempDir(), 'baseline.json');
    writeFileSync(baseline, `${secret} is not a baseline\n`);
    const r = runCli(['scan', repo.dir, '-f', 'json', '--state', tempDir(), '--baseline', baseline]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`leakwatch: baseline ${baseline} is not JSON; write one with --write-baseline\n`);
    expect(r.stderr + r.stdout).not.toContain(secret.slice(0, 8));
  });

  it('a file name with ESC, OSC and CR is printed escaped in the text report', () => {
    const repo = repoWithToken('conf\x1b]0;owned\x07\x1b[2A\rclean.ts');
    const r = runCli(['scan', repo.dir, '-f', 'text', '--state', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('conf\\x1b]0;owned\\x07\\x1b[2A\\rclean.ts:1');
    expect(r.stdout).not.toMatch(/[\x1b\r\x07]/);
  });
});
