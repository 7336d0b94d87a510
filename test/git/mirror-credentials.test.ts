import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorRepository } from '../../src/git/mirror-repository.js';
import { redactUrl, redactUrlsIn } from '../../src/git/redact-url.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { startGitHttpServer } from '../helpers/git-http-server.js';
import type { GitHttpServer } from '../helpers/git-http-server.js';

/** Every file under a folder, as text. */
function allText(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path).toString('latin1'))
    .join('\n');
}

describe('clone URLs with credentials', () => {
  // Built at run time: a password holding '@' (percent-encoded in the URL, as git needs it).
  const password = `pw@${randomBytes(6).toString('hex')}`;
  let server: GitHttpServer;
  let url: string;

  beforeAll(async () => {
    const root = tempDir();
    const repo = TestRepo.create();
    repo.commit('init', { 'README.md': '# x\n' });
    repo.git('clone', '-q', '--bare', repo.dir, join(root, 'app.git'));
    server = await startGitHttpServer({ root, authorize: (c) => c.username === 'alice' && c.password === password });
    url = `http://alice:${encodeURIComponent(password)}@${server.host}/app.git`;
  });
  afterAll(async () => {
    await server.close();
    removeTempDirs();
  });

  it('clones and fetches with them, and writes them into no file of the mirror', async () => {
    const dir = join(tempDir(), 'm.git');
    expect(await mirrorRepository(url, dir)).toBe('cloned');
    expect(await mirrorRepository(url, dir)).toBe('fetched');
    const files = allText(dir);
    expect(files).not.toContain(encodeURIComponent(password));
    expect(files).not.toContain(password);
    expect(readFileSync(join(dir, 'config'), 'utf8')).toContain(`url = http://${server.host}/app.git`);
    expect(server.requests.some((r) => r.username === 'alice' && r.status === 200)).toBe(true);
  });

  it('removes credentials an older version stored in a mirror config', async () => {
    const dir = join(tempDir(), 'old.git');
    await mirrorRepository(url, dir);
    const repo = new TestRepo(dir);
    repo.git('config', 'remote.origin.url', url);
    expect(await mirrorRepository(url, dir)).toBe('fetched');
    expect(readFileSync(join(dir, 'config'), 'utf8')).not.toContain(encodeURIComponent(password));
  });

  it('error messages carry no password, token or query secret', async () => {
    const token = randomBytes(8).toString('hex');
    const bad = `http://bob:s3cr@t-${token}@127.0.0.1:9/x.git?access_token=${token}x`;
    const err = (await mirrorRepository(bad, join(tempDir(), 'x.git')).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/^cannot clone http:\/\/\*\*\*@127\.0\.0\.1:9\/x\.git\?access_token=\*\*\*: /);
    expect(err.message).not.toContain(token);
    expect(err.message).not.toContain('s3cr');
  });
});

describe('redactUrl', () => {
  it('redacts every form of credential in a URL', () => {
    expect(redactUrl('https://user:pass@host/r.git')).toBe('https://***@host/r.git');
    expect(redactUrl('https://ghp_token@github.com/o/r.git')).toBe('https://***@github.com/o/r.git');
    expect(redactUrl('https://user:p@ss@host/r.git')).toBe('https://***@host/r.git');
    expect(redactUrl('https://host/r.git?access_token=abc&x=1')).toBe('https://host/r.git?access_token=***&x=***');
    expect(redactUrl('https://host/r.git?token=abc')).toBe('https://host/r.git?token=***');
    expect(redactUrl('git@github.com:o/r.git')).toBe('git@github.com:o/r.git');
    expect(redactUrl('https://host/r.git')).toBe('https://host/r.git');
  });

  it('redacts URLs inside a message', () => {
    expect(redactUrlsIn("fatal: unable to access 'https://u:p@w@host/r.git/?private_token=zz': 401")).toBe(
      "fatal: unable to access 'https://***@host/r.git/?private_token=***': 401",
    );
    expect(redactUrlsIn('http://h/x?access_token=REDACTED: not found; http://h/y?token=t1.')).toBe('http://h/x?access_token=REDACTED: not found; http://h/y?token=***.');
  });
});
