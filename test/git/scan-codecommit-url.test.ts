import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mirrorSource } from '../../src/git/resolve-target.js';
import { createCodecommitAuthorizer } from '../helpers/codecommit-authorizer.js';
import { startGitHttpServer } from '../helpers/git-http-server.js';
import type { GitHttpServer } from '../helpers/git-http-server.js';
import { TEST_GIT_ENV, TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { awsKeyId, awsSecretKey } from '../helpers/tokens.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const REGION = 'eu-west-1';
const accessKeyId = 'AKIA' + randomBytes(8).toString('hex').toUpperCase();
const secretAccessKey = randomBytes(20).toString('base64');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Asynchronous: the git server runs in this process, so a blocking spawn would deadlock.
function runCliFromSource(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Run> {
  const child = spawn(
    process.execPath,
    ['--import', join(repoRoot, 'test/helpers/ts-loader/register.mjs'), join(repoRoot, 'src/cli/main.ts'), ...args],
    { cwd, env: { ...TEST_GIT_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('scan of a CodeCommit URL', () => {
  let served: string;
  let server: GitHttpServer | undefined;
  const leakedKey = awsKeyId();
  const leakedSecret = awsSecretKey();

  beforeAll(() => {
    const work = TestRepo.create();
    work.commit('config', { 'deploy.env': `AWS_ACCESS_KEY_ID=${leakedKey}\nAWS_SECRET_ACCESS_KEY=${leakedSecret}\n` });
    served = tempDir();
    mkdirSync(join(served, 'v1', 'repos'), { recursive: true });
    work.git('clone', '-q', '--bare', work.dir, join(served, 'v1', 'repos', 'demo'));
  });

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => removeTempDirs());

  async function scan(target: string, secret: string): Promise<{ run: Run; server: GitHttpServer }> {
    server = await startGitHttpServer({
      root: served,
      authorize: createCodecommitAuthorizer({ region: REGION, secrets: new Map([[accessKeyId, secret]]) }),
    });
    const cwd = tempDir();
    const run = await runCliFromSource(['scan', target, '--format', 'json'], {
      AWS_ACCESS_KEY_ID: accessKeyId,
      AWS_SECRET_ACCESS_KEY: secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: join(cwd, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(cwd, 'no-aws-credentials'),
      LEAKWATCH_CODECOMMIT_HOST: server.host,
      LEAKWATCH_CODECOMMIT_REGION: REGION,
      // Sends git's requests for the real CodeCommit host to the local server.
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: `url.${server.url}/.insteadOf`,
      GIT_CONFIG_VALUE_0: `https://git-codecommit.${REGION}.amazonaws.com/`,
    }, cwd);
    return { run, server };
  }

  it('mirrors codecommit::REGION://repo through the SigV4 credential helper and reports the secret in it', async () => {
    const { run, server: target } = await scan(`codecommit::${REGION}://demo`, secretAccessKey);

    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { target: string; findings: Array<{ ruleId: string; redacted: string }> };
    expect(report.target).toBe(`codecommit::${REGION}://demo`);
    expect(report.findings.some((f) => f.ruleId.startsWith('aws'))).toBe(true);
    expect(run.stdout).not.toContain(leakedSecret);
    expect(target.requests.some((r) => r.status === 200 && r.username === accessKeyId)).toBe(true);
  });

  it('fails with exit 2 when the server refuses the signature', async () => {
    const { run } = await scan(`https://git-codecommit.${REGION}.amazonaws.com/v1/repos/demo`, randomBytes(20).toString('base64'));

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot clone/);
  });
});

describe('mirrorSource', () => {
  it('turns codecommit://profile@repo into the HTTPS URL with a helper for that profile', () => {
    const source = mirrorSource('codecommit://ops@payments', { AWS_REGION: 'us-west-2' });

    expect(source.url).toBe('https://git-codecommit.us-west-2.amazonaws.com/v1/repos/payments');
    expect(source.config).toContain('credential.helper=');
    expect(source.config.some((c) => c.startsWith('credential.helper=!') && c.includes("--profile 'ops'"))).toBe(true);
    expect(source.config).toContain('credential.useHttpPath=true');
  });

  it('leaves other URLs alone', () => {
    expect(mirrorSource('https://example.test/x.git')).toEqual({ url: 'https://example.test/x.git', config: [] });
  });
});
