import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub } from '../helpers/fake-github.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { TEST_GIT_ENV, TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { CLI } from '../helpers/run-cli.js';
import type { CliResult } from '../helpers/run-cli.js';
import { githubToken } from '../helpers/tokens.js';

let github: FakeGitHub;
const liveToken = githubToken();
const deadToken = githubToken();

beforeAll(async () => {
  github = await startFakeGitHub({ users: { [liveToken]: 'octocat' } });
});

afterAll(async () => {
  await github.close();
  removeTempDirs();
});

beforeEach(() => {
  github.requests.length = 0;
});

/** The built CLI, run without blocking this process: the fake GitHub answers from here. */
function runCliAsync(args: string[]): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...TEST_GIT_ENV, LEAKWATCH_GITHUB_API_URL: github.baseUrl, AWS_EC2_METADATA_DISABLED: 'true' };
  delete env.LEAKWATCH_CONFIG;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function tokenRepo(): TestRepo {
  const repo = TestRepo.create();
  repo.commit('init', { 'README.md': '# app\n' });
  repo.commit('ci tokens', { 'ci/live.env': `GITHUB_TOKEN=${liveToken}\n`, 'ci/old.env': `GITHUB_TOKEN=${deadToken}\n` });
  repo.commit(`rotate ${deadToken}`);
  return repo;
}

interface JsonFinding {
  ruleId: string;
  secretSha256: string;
  verified: boolean | null;
  locations: unknown[];
}

const userCalls = () => github.requests.filter((r) => r.method === 'GET' && r.path === '/user').length;

function verifiedByPlaces(stdout: string): Array<[number, boolean | null]> {
  const report = JSON.parse(stdout) as { findings: JsonFinding[] };
  return report.findings.map((f) => [f.locations.length, f.verified] as [number, boolean | null]).sort((a, b) => a[0] - b[0]);
}

describe('leakwatch scan --verify (built CLI)', () => {
  it('sets verified true for a live token and false for a rejected one, with a notice on stderr and exit 1', async () => {
    const repo = tokenRepo();
    const r = await runCliAsync(['scan', repo.dir, '--format', 'json', '--verify', '--state', tempDir()]);
    expect(r.code).toBe(1);
    // The dead token is also in a commit message: two places, one check.
    expect(verifiedByPlaces(r.stdout)).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(userCalls()).toBe(2);
    expect(r.stderr).toContain(`leakwatch: --verify uses each found credential once, read-only`);
    expect(r.stderr).toContain(`GET ${github.baseUrl}/user`);
    expect(r.stderr).toContain('sts:GetCallerIdentity');
  });

  it('calls nothing without --verify: verified stays null', async () => {
    const repo = tokenRepo();
    const r = await runCliAsync(['scan', repo.dir, '--format', 'json', '--state', tempDir()]);
    expect(r.code).toBe(1);
    expect(verifiedByPlaces(r.stdout)).toEqual([
      [1, null],
      [2, null],
    ]);
    expect(github.requests).toHaveLength(0);
    expect(r.stderr).not.toContain('--verify');
  });

  it('checks again on every --verify rerun: the state keeps no verification result', async () => {
    const repo = tokenRepo();
    const state = tempDir();
    await runCliAsync(['scan', repo.dir, '--format', 'json', '--verify', '--state', state]);
    expect(userCalls()).toBe(2);
    const plain = await runCliAsync(['scan', repo.dir, '--format', 'json', '--state', state]);
    expect(verifiedByPlaces(plain.stdout).map(([, v]) => v)).toEqual([null, null]);
    expect(userCalls()).toBe(2);
    const again = await runCliAsync(['scan', repo.dir, '--format', 'json', '--verify', '--state', state]);
    expect(JSON.parse(again.stdout).stats.cachedObjects).toBeGreaterThan(0);
    expect(verifiedByPlaces(again.stdout)).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(userCalls()).toBe(4);
  });

  it('shows the outcome in SARIF (properties.verified) and text ([LIVE], [revoked])', async () => {
    const repo = tokenRepo();
    const sarif = await runCliAsync(['scan', repo.dir, '--format', 'sarif', '--verify', '--no-state']);
    expect(sarif.code).toBe(1);
    const results = JSON.parse(sarif.stdout).runs[0].results as Array<{ properties: { verified: boolean | null; locations: number } }>;
    expect(results.map((x) => [x.properties.locations, x.properties.verified]).sort()).toEqual([
      [1, true],
      [2, false],
    ]);
    const text = await runCliAsync(['scan', repo.dir, '--format', 'text', '--verify', '--no-state']);
    expect(text.code).toBe(1);
    expect(text.stdout.split('\n').filter((l) => l.includes('[LIVE]'))).toHaveLength(1);
    expect(text.stdout.split('\n').filter((l) => l.includes('[revoked]'))).toHaveLength(1);
    expect(text.stdout).toContain('verified: 1 live, 1 revoked');
  });

  it('never prints a token in any format, on stdout or stderr, nor stores it in the state', async () => {
    const repo = tokenRepo();
    const state = tempDir();
    const outputs: string[] = [];
    for (const format of ['json', 'sarif', 'text']) {
      const r = await runCliAsync(['scan', repo.dir, '--format', format, '--verify', '--state', state]);
      expect(r.code).toBe(1);
      outputs.push(r.stdout + r.stderr);
    }
    outputs.push(readFileSync(join(state, 'state.db')).toString('latin1'));
    expect(userCalls()).toBe(6);
    for (const text of outputs) {
      expect(text.includes(liveToken)).toBe(false);
      expect(text.includes(deadToken)).toBe(false);
    }
  });

  it('explains --verify in --help', async () => {
    const r = await runCliAsync(['scan', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--verify');
    expect(r.stdout).toContain('sts:GetCallerIdentity');
    expect(r.stdout).toContain('GET /user');
  });
});
