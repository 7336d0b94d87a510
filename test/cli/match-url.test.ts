import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMatchCommand } from '../../src/cli/match.js';
import { gitBlobId } from '../../src/fingerprint/blob-id.js';
import { OUR_CACHE, OUR_PARSER, UNRELATED } from '../fingerprint/fixtures.js';
import { makeRepo } from '../fingerprint/git-fixture.js';
import { runCommand } from '../helpers/run-command.js';
import type { CommandRun } from '../helpers/run-command.js';
import { startFakePublicGitHub } from '../helpers/fake-github-public.js';
import type { FakePublicGitHub } from '../helpers/fake-github-public.js';
import { startPlainHttpServer } from '../helpers/plain-http-server.js';
import type { PlainHttpServer } from '../helpers/plain-http-server.js';
import { githubToken } from '../helpers/tokens.js';
import { GIT_CONFIG_GLOBAL } from '../helpers/git-config-global.js';

interface MatchJson {
  matches: Array<{ candidate: string; repo: string; path: string; score: number }>;
}

let github: FakePublicGitHub;
let web: PlainHttpServer;
let repo: string;
let env: NodeJS.ProcessEnv;

function match(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CommandRun> {
  return runCommand((out, err) => createMatchCommand({ out, err, isTty: false, env: { ...env, ...extraEnv } }), [...args, '--repo', repo, '--format', 'json']);
}

function matches(run: CommandRun): Array<[string, string]> {
  return (JSON.parse(run.out) as MatchJson).matches.map((m) => [m.candidate, m.path]);
}

const renamed = OUR_PARSER.replaceAll('header', 'h').replaceAll('params', 'kv');
const binary = `GIF89a\u0000\u0001${OUR_CACHE}`;

beforeAll(async () => {
  process.env.GIT_CONFIG_GLOBAL = GIT_CONFIG_GLOBAL;
  repo = makeRepo('payments', { 'src/cache.js': OUR_CACHE, 'src/parse.js': OUR_PARSER });
  github = await startFakePublicGitHub();
  web = await startPlainHttpServer();
  env = { LEAKWATCH_GITHUB_API_URL: github.baseUrl, LEAKWATCH_CONFIG: '' };
  github.addRepo({
    fullName: 'dev-jane/lru',
    commits: {
      c1: {
        'lib/cache.js': OUR_CACHE,
        'lib/parse.js': renamed,
        'tools/hist.py': UNRELATED,
        'vendor/cache.js': OUR_CACHE,
        'assets/logo.png': binary,
        'assets/blob.dat': binary,
        'big/huge.txt': 'x'.repeat(5_000),
      },
    },
    branches: { main: 'c1', 'feature/x': 'c1' },
  });
  github.addRepo({ fullName: 'dev-jane/empty', commits: {}, branches: {} });
  github.addGist({ id: 'abc123', updatedAt: '2026-11-28T10:00:00Z', files: { 'cache.js': OUR_CACHE, 'notes.md': UNRELATED } });
  github.addGist({ id: 'b19b19', updatedAt: '2026-11-28T10:00:00Z', files: { 'cache.js': `${OUR_CACHE}\n${'// padding line\n'.repeat(70_000)}` } });
  web.serve('/files/cache.js', { body: OUR_CACHE });
  web.serve('/files/chunked.js', { body: `${OUR_CACHE}\n${'// padding\n'.repeat(2_000)}`, chunked: true });
  web.serve('/files/logo.png', { body: Buffer.from(binary), contentType: 'image/png' });
  web.serve('/files/nul.txt', { body: Buffer.from(binary), contentType: 'application/octet-stream' });
});

afterAll(async () => {
  await github.close();
  await web.close();
});

afterEach(() => {
  process.exitCode = undefined;
});

describe('leakwatch match with GitHub URLs', () => {
  it('matches a file URL copied from GitHub to the right repository and path, naming the URL', async () => {
    const url = 'https://github.com/dev-jane/lru/blob/main/lib/cache.js';
    const run = await match([url]);
    expect(run.err).toBe('');
    expect(run.code).toBe(1);
    expect((JSON.parse(run.out) as MatchJson).matches).toEqual([expect.objectContaining({ candidate: url, repo: 'payments', path: 'src/cache.js', score: 1 })]);
  });

  it('reads raw.githubusercontent.com URLs and branches with a slash through the API', async () => {
    const raw = 'https://raw.githubusercontent.com/dev-jane/lru/feature/x/lib/parse.js';
    const run = await match([raw]);
    expect(run.code).toBe(1);
    expect(matches(run)).toEqual([[raw, 'src/parse.js']]);
    expect(github.requestsTo('/repos/dev-jane/lru/contents/lib/parse.js').map((r) => r.query.ref)).toContain('feature/x');
  });

  it('matches every text file of a repository URL, skipping vendored and binary files', async () => {
    const before = github.requests.length;
    const run = await match(['https://github.com/dev-jane/lru']);
    expect(run.code).toBe(1);
    expect(matches(run).sort()).toEqual([
      ['https://github.com/dev-jane/lru/blob/main/lib/cache.js', 'src/cache.js'],
      ['https://github.com/dev-jane/lru/blob/main/lib/parse.js', 'src/parse.js'],
    ]);
    const blobs = github.requests.slice(before).filter((r) => r.path.includes('/git/blobs/')).map((r) => r.path.split('/').pop());
    // vendor/cache.js and assets/logo.png share their blob with lib/cache.js and assets/blob.dat:
    // one fetch each proves the vendored copy and the .png were skipped by path, while
    // blob.dat was fetched and then dropped for its NUL bytes.
    expect(blobs.filter((sha) => sha === gitBlobId(OUR_CACHE))).toHaveLength(1);
    expect(blobs.filter((sha) => sha === gitBlobId(binary))).toHaveLength(1);
  });

  it('limits a directory URL to its directory and to --max-url-files, saying so', async () => {
    const run = await match(['https://github.com/dev-jane/lru/tree/main/lib', '--max-url-files', '1']);
    expect(run.code).toBe(1);
    expect(matches(run)).toEqual([['https://github.com/dev-jane/lru/blob/main/lib/cache.js', 'src/cache.js']]);
    expect(run.err).toMatch(/matched 1 of 2 files .*--max-url-files/);
  });

  it('treats a /blob/ URL of a directory as that directory, as GitHub does', async () => {
    const run = await match(['https://github.com/dev-jane/lru/blob/main/lib']);
    expect(run.code).toBe(1);
    expect(matches(run).map(([, path]) => path).sort()).toEqual(['src/cache.js', 'src/parse.js']);
  });

  it('matches the files of a gist, named URL#file', async () => {
    const url = 'https://gist.github.com/dev-jane/abc123';
    const run = await match([url]);
    expect(run.code).toBe(1);
    expect(matches(run)).toEqual([[`${url}#cache.js`, 'src/cache.js']]);
  });

  it('reads a gist file GitHub truncates from its raw URL', async () => {
    const run = await match(['https://gist.github.com/b19b19']);
    expect(run.code).toBe(1);
    expect(matches(run)).toEqual([['https://gist.github.com/b19b19#cache.js', 'src/cache.js']]);
    expect(github.requestsTo('/raw/gists/b19b19/')).toHaveLength(1);
  });

  it.each([
    ['https://github.com/dev-jane/lru/blob/main/lib/missing.js', /not found on GitHub \(404\)/],
    ['https://github.com/dev-jane/gone', /not found on GitHub \(404\)/],
    ['https://github.com/dev-jane/empty', /not found on GitHub \(404\), or empty/],
    ['https://gist.github.com/dev-jane/ffff00', /not found on GitHub \(404\)/],
  ])('exits 2 with a one-line error naming %s when it is not on GitHub', async (url, message) => {
    const run = await match([url]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.err).toContain(url);
    expect(run.err.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 when a GitHub file is larger than --max-url-bytes, and when no file of a directory fits', async () => {
    const file = await match(['https://github.com/dev-jane/lru/blob/main/big/huge.txt', '--max-url-bytes', '1000']);
    expect(file.code).toBe(2);
    expect(file.err).toMatch(/huge\.txt is larger than 1000 bytes; raise --max-url-bytes/);
    const dir = await match(['https://github.com/dev-jane/lru/tree/main/big', '--max-url-bytes', '1000']);
    expect(dir.code).toBe(2);
    expect(dir.err.trim().split('\n')).toHaveLength(1);
  });

  it('says the rate limit was reached and when it resets, without waiting', async () => {
    github.failNext('/repos/dev-jane/lru', { status: 403, times: 1, message: 'API rate limit exceeded', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1900000000' } });
    const run = await match(['https://github.com/dev-jane/lru']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/GitHub rate limit reached until 2030-03-17T\S+; try again later .*LEAKWATCH_GITHUB_TOKEN/);
    expect(run.err.trim().split('\n')).toHaveLength(1);
  });

  it('says GitHub rejected the token on a 401', async () => {
    github.failNext('/repos/dev-jane/lru', { status: 401, times: 1, message: 'Bad credentials' });
    const run = await match(['https://github.com/dev-jane/lru'], { LEAKWATCH_GITHUB_TOKEN: githubToken() });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/GitHub rejected the token \(401\); check LEAKWATCH_GITHUB_TOKEN/);
  });

  it('sends the token to the API only, and never prints it', async () => {
    const token = githubToken();
    const before = github.requests.length;
    const run = await match(['https://github.com/dev-jane/lru/blob/main/lib/missing.js', `${web.baseUrl}/files/cache.js`], { LEAKWATCH_GITHUB_TOKEN: token });
    expect(run.code).toBe(2);
    expect(github.requests.slice(before).every((r) => String(r.headers.authorization).includes(token))).toBe(true);
    expect(web.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
    expect(run.out + run.err).not.toContain(token);
  });

  it('keeps the matches of the other candidates when one URL fails, and exits 2', async () => {
    const good = 'https://github.com/dev-jane/lru/blob/main/lib/cache.js';
    const run = await match([good, 'https://github.com/dev-jane/lru/blob/main/nope.js']);
    expect(run.code).toBe(2);
    expect(matches(run)).toEqual([[good, 'src/cache.js']]);
    expect(run.err).toMatch(/^leakwatch match: .*nope\.js: not found/);
  });
});

describe('leakwatch match with other URLs', () => {
  it('matches a document served over plain HTTP as one file named by its URL', async () => {
    const url = `${web.baseUrl}/files/cache.js`;
    const run = await match([url]);
    expect(run.code).toBe(1);
    expect(matches(run)).toEqual([[url, 'src/cache.js']]);
  });

  it('skips a binary document, by media type or by content, without failing', async () => {
    const run = await match([`${web.baseUrl}/files/logo.png`, `${web.baseUrl}/files/nul.txt`]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toEqual({ matches: [] });
    expect(run.err).toMatch(/logo\.png: skipped, not text \(image\/png\)/);
    expect(run.err).toMatch(/nul\.txt: skipped, not text/);
  });

  it.each([
    ['/files/cache.js', 'with Content-Length'],
    ['/files/chunked.js', 'sent chunked'],
  ])('exits 2 when %s (%s) is larger than --max-url-bytes', async (path) => {
    const run = await match([`${web.baseUrl}${path}`, '--max-url-bytes', '500']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/is larger than 500 bytes; raise --max-url-bytes/);
    expect(run.err.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 on a 404 with a one-line error naming the URL', async () => {
    const url = `${web.baseUrl}/files/none.js`;
    const run = await match([url]);
    expect(run.code).toBe(2);
    expect(run.err).toBe(`leakwatch match: ${url}: not found (HTTP 404); check the URL, or download the file and pass its path\n`);
  });

  it.each([
    ['ftp://example.com/a.js', /only http and https URLs/],
    ['https://github.com/dev-jane/lru/issues/3', /not a GitHub file, directory, repository or gist URL/],
    ['https://github.com/dev-jane/lru', /--max-url-files must be a positive whole number/, ['--max-url-files', '0']],
  ])('rejects %s before reading anything', async (url, message, extra: string[] = []) => {
    const before = github.requests.length;
    const run = await match([url, ...extra]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(github.requests.length).toBe(before);
  });

  it('does not print a password or token written into a URL', async () => {
    const secret = githubToken();
    const run = await match([`${web.baseUrl}/files/none.js?access_token=${secret}`]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('access_token=REDACTED');
    expect(run.err).not.toContain(secret);
  });
});
