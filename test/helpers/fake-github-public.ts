/**
 * A local HTTP server shaped like the public parts of the GitHub REST API the watch reads:
 * `/events` (pages with `Link`, `ETag` / 304, `X-Poll-Interval`), repositories with snapshots
 * per commit (repo, git trees and blobs, contents of files and directories, compare), code
 * search over those files, public gists (listed, or one by id with inlined content that is
 * `truncated` past 1 MB as GitHub does) with raw URLs. Tests add repositories, events and gists, and can make the next
 * requests to a path fail (403/429 with `retry-after`). Every request is recorded.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gitBlobId } from '../../src/fingerprint/blob-id.js';

export interface PublicRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
}

export interface FakeRepoInput {
  fullName: string;
  defaultBranch?: string;
  description?: string;
  /** Commit sha → the files at that commit. */
  commits: Record<string, Record<string, string>>;
  /** Branch → commit sha; the default branch must be here. */
  branches: Record<string, string>;
  /** Author e-mail of every commit, shown in compare and commit results. */
  authorEmail?: string;
  /** Committer e-mail of every commit (default: the author e-mail). */
  committerEmail?: string;
}

export interface FakeGist {
  id: string;
  updatedAt: string;
  files: Record<string, string>;
}

export interface FailureSpec {
  status: number;
  headers?: Record<string, string>;
  message?: string;
  /** How many requests fail before the path answers normally again. */
  times: number;
}

export interface FakePublicGitHub {
  baseUrl: string;
  requests: PublicRequest[];
  addRepo(repo: FakeRepoInput): void;
  /** Newest events go first, as GitHub lists them. */
  addEvent(event: Record<string, unknown>): void;
  /** Adds a gist, or replaces the one with the same id (an edit). */
  addGist(gist: FakeGist): void;
  failNext(pathPrefix: string, failure: FailureSpec): void;
  /** Requests whose (decoded) path starts with a prefix. */
  requestsTo(pathPrefix: string): PublicRequest[];
  close(): Promise<void>;
}

export interface FakePublicOptions {
  eventsPerPage?: number;
  pollIntervalSeconds?: number;
}

interface Reply {
  status: number;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

export async function startFakePublicGitHub(options: FakePublicOptions = {}): Promise<FakePublicGitHub> {
  const requests: PublicRequest[] = [];
  const repos = new Map<string, FakeRepoInput>();
  const events: Record<string, unknown>[] = [];
  const gists: FakeGist[] = [];
  const failures: Array<{ prefix: string; spec: FailureSpec }> = [];
  const perPage = options.eventsPerPage ?? 30;
  let baseUrl = '';

  const b64 = (text: string): string => Buffer.from(text).toString('base64');
  const snapshot = (repo: FakeRepoInput, ref: string): Record<string, string> | undefined =>
    repo.commits[repo.branches[ref] ?? ref];
  const findBlob = (repo: FakeRepoInput, sha: string): string | undefined => {
    for (const files of Object.values(repo.commits)) for (const text of Object.values(files)) if (gitBlobId(text) === sha) return text;
    return undefined;
  };

  function route(req: PublicRequest): Reply {
    const failure = failures.find((f) => req.path.startsWith(f.prefix) && f.spec.times > 0);
    if (failure) {
      failure.spec.times--;
      return { status: failure.spec.status, headers: failure.spec.headers, body: { message: failure.spec.message ?? 'You have exceeded a secondary rate limit' } };
    }
    if (req.path === '/events') return eventsPage(req);
    if (req.path === '/search/code') return searchCode(req);
    if (req.path === '/gists/public') return gistsPage(req);
    const gist = /^\/gists\/([^/]+)$/.exec(req.path);
    if (gist) return gistById(gist[1]!);
    const raw = /^\/raw\/gists\/([^/]+)\/(.+)$/.exec(req.path);
    if (raw) {
      const text = gists.find((g) => g.id === raw[1])?.files[raw[2]!];
      return text === undefined ? { status: 404, raw: 'Not Found' } : { status: 200, raw: text };
    }
    const m = /^\/repos\/([^/]+\/[^/]+)(\/.*)?$/.exec(req.path);
    const repo = m ? repos.get(m[1]!) : undefined;
    if (!m || !repo) return { status: 404, body: { message: 'Not Found' } };
    return repoRoute(req, repo, m[2] ?? '');
  }

  function eventsPage(req: PublicRequest): Reply {
    const etag = `"${createHash('sha1').update(JSON.stringify(events)).digest('hex')}"`;
    const headers: Record<string, string> = { etag, 'x-poll-interval': String(options.pollIntervalSeconds ?? 60) };
    if (req.headers['if-none-match'] === etag) return { status: 304, headers };
    const page = Number(req.query.page ?? 1);
    const pages = Math.max(1, Math.ceil(events.length / perPage));
    if (page < pages) headers.link = `<${baseUrl}/events?per_page=${perPage}&page=${page + 1}>; rel="next", <${baseUrl}/events?page=${pages}>; rel="last"`;
    return { status: 200, headers, body: events.slice((page - 1) * perPage, page * perPage) };
  }

  function searchCode(req: PublicRequest): Reply {
    const phrase = /"([^"]*)"/.exec(req.query.q ?? '')?.[1] ?? req.query.q ?? '';
    const items = [];
    for (const repo of repos.values()) {
      const head = repo.branches[repo.defaultBranch ?? 'main']!;
      for (const [path, text] of Object.entries(repo.commits[head] ?? {})) {
        if (!text.includes(phrase)) continue;
        items.push({
          name: path.split('/').pop(), path, sha: gitBlobId(text),
          url: `${baseUrl}/repos/${repo.fullName}/contents/${path}?ref=${head}`,
          html_url: `https://github.com/${repo.fullName}/blob/${head}/${path}`,
          repository: { full_name: repo.fullName },
        });
      }
    }
    return { status: 200, body: { total_count: items.length, incomplete_results: false, items } };
  }

  function gistsPage(req: PublicRequest): Reply {
    const since = req.query.since ? Date.parse(req.query.since) : 0;
    const list = gists
      .filter((g) => Date.parse(g.updatedAt) >= since)
      .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
    const size = Number(req.query.per_page ?? 30);
    const page = Number(req.query.page ?? 1);
    const headers: Record<string, string> = {};
    if (page * size < list.length) headers.link = `<${baseUrl}/gists/public?per_page=${size}&page=${page + 1}${req.query.since ? `&since=${req.query.since}` : ''}>; rel="next"`;
    const body = list.slice((page - 1) * size, page * size).map((g) => ({
      id: g.id,
      html_url: `https://gist.github.com/${g.id}`,
      updated_at: g.updatedAt,
      files: Object.fromEntries(
        Object.entries(g.files).map(([name, text]) => [name, { filename: name, size: Buffer.byteLength(text), raw_url: `${baseUrl}/raw/gists/${g.id}/${encodeURIComponent(name)}` }]),
      ),
    }));
    return { status: 200, headers, body };
  }

  function gistById(id: string): Reply {
    const g = gists.find((x) => x.id === id);
    if (!g) return { status: 404, body: { message: 'Not Found' } };
    const files = Object.fromEntries(Object.entries(g.files).map(([name, text]) => {
      const size = Buffer.byteLength(text);
      const truncated = size > GIST_INLINE_BYTES;
      const raw_url = `${baseUrl}/raw/gists/${g.id}/${encodeURIComponent(name)}`;
      return [name, { filename: name, size, raw_url, truncated, content: truncated ? text.slice(0, GIST_INLINE_BYTES) : text }];
    }));
    return { status: 200, body: { id: g.id, html_url: `https://gist.github.com/${g.id}`, updated_at: g.updatedAt, files } };
  }

  function commitPeople(repo: FakeRepoInput): Record<string, { name: string; email: string }> {
    const author = repo.authorEmail ?? 'someone@example.org';
    return { author: { name: 'A', email: author }, committer: { name: 'C', email: repo.committerEmail ?? author } };
  }

  function repoRoute(req: PublicRequest, repo: FakeRepoInput, rest: string): Reply {
    if (rest === '') {
      return { status: 200, body: { full_name: repo.fullName, default_branch: repo.defaultBranch ?? 'main', description: repo.description ?? null, private: false } };
    }
    const tree = /^\/git\/trees\/(.+)$/.exec(rest);
    if (tree) {
      const files = snapshot(repo, tree[1]!);
      if (!files) return { status: 404, body: { message: 'Not Found' } };
      const entries = Object.entries(files).map(([path, text]) => ({ path, mode: '100644', type: 'blob', sha: gitBlobId(text), size: Buffer.byteLength(text) }));
      return { status: 200, body: { sha: 'tree', truncated: false, tree: entries } };
    }
    const blob = /^\/git\/blobs\/([0-9a-f]+)$/.exec(rest);
    if (blob) {
      const text = findBlob(repo, blob[1]!);
      return text === undefined ? { status: 404, body: { message: 'Not Found' } } : { status: 200, body: { sha: blob[1], size: Buffer.byteLength(text), encoding: 'base64', content: b64(text) } };
    }
    const contents = /^\/contents\/(.+)$/.exec(rest);
    if (contents) {
      const path = contents[1]!;
      const files = snapshot(repo, req.query.ref ?? repo.defaultBranch ?? 'main') ?? {};
      const text = files[path];
      if (text === undefined) {
        const below = Object.keys(files).filter((p) => p.startsWith(`${path}/`));
        if (below.length === 0) return { status: 404, body: { message: 'Not Found' } };
        const names = [...new Set(below.map((p) => p.slice(path.length + 1).split('/')[0]!))];
        return { status: 200, body: names.map((name) => ({ name, path: `${path}/${name}`, type: files[`${path}/${name}`] === undefined ? 'dir' : 'file' })) };
      }
      return { status: 200, body: { type: 'file', path, sha: gitBlobId(text), size: Buffer.byteLength(text), encoding: 'base64', content: b64(text) } };
    }
    const compare = /^\/compare\/([^.]+)\.\.\.(.+)$/.exec(rest);
    if (compare) {
      const before = repo.commits[compare[1]!];
      const after = repo.commits[compare[2]!];
      if (!before || !after) return { status: 404, body: { message: 'Not Found' } };
      const files = [];
      for (const [path, text] of Object.entries(after)) {
        if (before[path] === text) continue;
        files.push({ filename: path, status: before[path] === undefined ? 'added' : 'modified', sha: gitBlobId(text) });
      }
      for (const path of Object.keys(before)) if (!(path in after)) files.push({ filename: path, status: 'removed', sha: null });
      const commits = [{ sha: compare[2], commit: commitPeople(repo) }];
      return { status: 200, body: { status: 'ahead', commits, files } };
    }
    const commit = /^\/commits\/([^/]+)$/.exec(rest);
    if (commit) {
      const sha = repo.branches[commit[1]!] ?? commit[1]!;
      if (!repo.commits[sha]) return { status: 404, body: { message: 'Not Found' } };
      return { status: 200, body: { sha, commit: commitPeople(repo) } };
    }
    return { status: 404, body: { message: 'Not Found' } };
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded: PublicRequest = { method: req.method ?? 'GET', path: decodeURIComponent(url.pathname), query: Object.fromEntries(url.searchParams), headers: req.headers };
    requests.push(recorded);
    req.resume();
    req.on('end', () => {
      const reply = route(recorded);
      if (reply.raw !== undefined) {
        res.writeHead(reply.status, { 'content-type': 'text/plain; charset=utf-8', ...reply.headers });
        res.end(reply.raw);
        return;
      }
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
      res.end(reply.body === undefined || reply.status === 304 ? '' : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    requests,
    addRepo: (repo) => repos.set(repo.fullName, repo),
    addEvent: (event) => events.unshift(event),
    addGist: (gist) => {
      const at = gists.findIndex((g) => g.id === gist.id);
      if (at === -1) gists.push(gist);
      else gists[at] = gist;
    },
    failNext: (prefix, spec) => failures.push({ prefix, spec: { ...spec } }),
    requestsTo: (prefix) => requests.filter((r) => r.path.startsWith(prefix)),
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((err) => (err ? reject(err) : resolve()));
    }),
  };
}

const GIST_INLINE_BYTES = 1_000_000;

let eventSeq = 1000;

/** A public event in GitHub's shape. */
export function fakeEvent(type: string, actor: string, repo: string, payload: Record<string, unknown> = {}): Record<string, unknown> {
  eventSeq++;
  return { id: String(eventSeq), type, actor: { login: actor }, repo: { name: repo }, payload, public: true, created_at: new Date().toISOString() };
}
