import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startGitHttpServer } from './git-http-server.js';
import type { GitHttpServer } from './git-http-server.js';
import { GIT_CONFIG_GLOBAL } from './git-config-global.js';

const run = promisify(execFile);
const env = {
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

// Asynchronous git only: the server lives in this process.
async function git(args: string[], cwd: string): Promise<string> {
  return (await run('git', args, { cwd, env })).stdout;
}

describe('git http-backend test server', () => {
  let server: GitHttpServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function setup(allowPush: boolean) {
    const root = mkdtempSync(join(tmpdir(), 'leakwatch-git-http-'));
    mkdirSync(join(root, 'served', 'v1', 'repos'), { recursive: true });
    await git(['init', '-q', '--bare', join(root, 'served', 'v1', 'repos', 'demo')], root);
    server = await startGitHttpServer({ root: join(root, 'served'), allowPush });
    const work = join(root, 'work');
    await git(['clone', '-q', `${server.url}/v1/repos/demo`, work], root);
    return { root, work, server };
  }

  it('serves clone and accepts a push when pushes are allowed', async () => {
    const { root, work, server: target } = await setup(true);
    writeFileSync(join(work, 'file.txt'), 'hello\n');
    await git(['add', 'file.txt'], work);
    await git(['commit', '-q', '-m', 'add file'], work);
    await git(['push', '-q', 'origin', 'HEAD:refs/heads/main'], work);

    const copy = join(root, 'copy');
    await git(['clone', '-q', '--branch', 'main', `${target.url}/v1/repos/demo`, copy], root);
    expect((await git(['log', '--format=%s'], copy)).trim()).toBe('add file');
    expect(target.requests.some((request) => request.url.includes('git-receive-pack') && request.status === 200)).toBe(true);
  });

  it('refuses a push when pushes are not allowed', async () => {
    const { work, server: target } = await setup(false);
    await git(['commit', '-q', '--allow-empty', '-m', 'empty'], work);
    await expect(git(['push', '-q', 'origin', 'HEAD:refs/heads/main'], work)).rejects.toThrow();
    expect(target.requests.some((request) => request.stderr?.includes("Service not enabled: 'receive-pack'"))).toBe(true);
  });

  it('answers 401 with a Basic challenge when the authorize hook refuses', async () => {
    const root = mkdtempSync(join(tmpdir(), 'leakwatch-git-http-'));
    server = await startGitHttpServer({ root, authorize: () => false });
    const response = await fetch(`${server.url}/v1/repos/demo/info/refs?service=git-upload-pack`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
  });
});
