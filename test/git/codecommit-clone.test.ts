import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { codecommitGitConfigArgs } from '../../src/git/codecommit-git-config.js';
import { createCodecommitAuthorizer } from '../helpers/codecommit-authorizer.js';
import { startGitHttpServer } from '../helpers/git-http-server.js';
import type { GitHttpServer } from '../helpers/git-http-server.js';
import { GIT_CONFIG_GLOBAL } from '../helpers/git-config-global.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const REGION = 'eu-west-1';
const accessKeyId = 'AKIA' + randomBytes(8).toString('hex').toUpperCase();
const secretAccessKey = randomBytes(20).toString('base64');
const sessionToken = 'session' + randomBytes(24).toString('hex');

const gitEnv: NodeJS.ProcessEnv = {
  PATH: process.env['PATH'],
  HOME: tmpdir(),
  GIT_CONFIG_GLOBAL: GIT_CONFIG_GLOBAL,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8' });
}

function allFileText(dir: string): string {
  let text = '';
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) text += allFileText(path);
    else text += readFileSync(path).toString('latin1');
  }
  return text;
}

describe('git clone through the CodeCommit credential helper', () => {
  let root: string;
  let head: string;
  let server: GitHttpServer | undefined;
  let storingConfig: string;
  let storeFile: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'leakwatch-codecommit-'));
    storeFile = join(root, 'git-credentials');
    storingConfig = join(root, 'user.gitconfig');
    writeFileSync(storingConfig, `[credential]\n\thelper = store --file=${storeFile}\n`);
    const work = join(root, 'work');
    mkdirSync(work);
    git(['init', '-q', '-b', 'main'], work);
    git(['commit', '-q', '--allow-empty', '-m', 'first'], work);
    head = git(['rev-parse', 'HEAD'], work).trim();
    mkdirSync(join(root, 'served', 'v1', 'repos'), { recursive: true });
    git(['clone', '-q', '--bare', work, join(root, 'served', 'v1', 'repos', 'demo')], root);
  });

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function serve(now?: () => Date): Promise<GitHttpServer> {
    server = await startGitHttpServer({
      root: join(root, 'served'),
      authorize: createCodecommitAuthorizer({
        region: REGION,
        secrets: new Map([[accessKeyId, secretAccessKey]]),
        sessionTokens: new Map([[accessKeyId, sessionToken]]),
        now,
      }),
    });
    return server;
  }

  // Asynchronous on purpose: the git server runs in this process, so a blocking spawn would deadlock.
  function cloneWithHelper(target: GitHttpServer, secret: string, dest: string): Promise<{ status: number | null; stderr: string }> {
    const args = [
      ...codecommitGitConfigArgs({
        nodeArgs: ['--import', join(repoRoot, 'test/helpers/ts-loader/register.mjs')],
        script: join(repoRoot, 'src/git/codecommit-credential-helper-bin.ts'),
      }),
      'clone',
      '--mirror',
      `${target.url}/v1/repos/demo`,
      dest,
    ];
    const child = spawn('git', args, {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...gitEnv,
        // A user-level helper that would write any credential it is given to disk.
        GIT_CONFIG_GLOBAL: storingConfig,
        AWS_ACCESS_KEY_ID: accessKeyId,
        AWS_SECRET_ACCESS_KEY: secret,
        AWS_SESSION_TOKEN: sessionToken,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_CONFIG_FILE: join(root, 'no-aws-config'),
        AWS_SHARED_CREDENTIALS_FILE: join(root, 'no-aws-credentials'),
        LEAKWATCH_CODECOMMIT_HOST: target.host,
        LEAKWATCH_CODECOMMIT_REGION: REGION,
      },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    return new Promise((done, fail) => {
      child.on('error', fail);
      child.on('close', (status) => done({ status, stderr }));
    });
  }

  it('clones when the server verifies the SigV4 password, and no credential reaches disk even with a storing helper configured', async () => {
    const target = await serve();
    const dest = join(root, `ok-${Date.now()}.git`);

    const result = await cloneWithHelper(target, secretAccessKey, dest);

    expect(result.status, result.stderr).toBe(0);
    expect(git(['rev-parse', 'refs/heads/main'], dest).trim()).toBe(head);
    expect(target.requests.some((request) => request.status === 401)).toBe(true);
    expect(target.requests.filter((request) => request.status === 200).every((request) => request.username === `${accessKeyId}%${sessionToken}`)).toBe(true);
    const onDisk = allFileText(dest);
    expect(onDisk).not.toContain(accessKeyId);
    expect(onDisk).not.toContain(sessionToken);
    expect(readFileSync(join(dest, 'config'), 'utf8')).toContain(`url = ${target.url}/v1/repos/demo`);
    expect(result.stderr).not.toContain(secretAccessKey);
    expect(existsSync(storeFile)).toBe(false);
  });

  it('fails when the helper signs with the wrong secret', async () => {
    const target = await serve();
    const result = await cloneWithHelper(target, randomBytes(20).toString('base64'), join(root, `bad-${Date.now()}.git`));

    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/Authentication failed|401/);
    expect(target.requests.every((request) => request.status === 401)).toBe(true);
  });

  it('fails when the signature is more than 15 minutes old by the server clock', async () => {
    const target = await serve(() => new Date(Date.now() + 16 * 60 * 1000));
    const result = await cloneWithHelper(target, secretAccessKey, join(root, `late-${Date.now()}.git`));

    expect(result.status).not.toBe(0);
    expect(target.requests.every((request) => request.status === 401)).toBe(true);
  });
});
