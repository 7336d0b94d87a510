/**
 * A real smart-HTTP git server for tests: `git http-backend` (CGI) behind a node `http` server
 * on 127.0.0.1 with a random port, serving the bare repositories under `root` (a request for
 * /v1/repos/demo serves <root>/v1/repos/demo). An optional `authorize` hook sees the Basic
 * credentials of each request; a missing or refused credential gets 401, as a real host would.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GIT_CONFIG_GLOBAL } from './git-config-global.js';

export interface BasicCredentials {
  username: string;
  password: string;
  /** Request path without the query string, e.g. `/v1/repos/demo/info/refs`. */
  path: string;
  /** The Host header as the client sent it. */
  host: string;
}

export interface GitHttpServerOptions {
  root: string;
  authorize?: (credentials: BasicCredentials) => boolean;
  /** Accept pushes (git-receive-pack); off by default, as in git http-backend. */
  allowPush?: boolean;
}

export interface ServedRequest {
  method: string;
  url: string;
  status: number;
  username?: string;
  /** What git http-backend wrote on stderr, kept for debugging instead of cluttering test output. */
  stderr?: string;
}

export interface GitHttpServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `127.0.0.1:PORT`, the host git sends to credential helpers. */
  host: string;
  requests: ServedRequest[];
  close: () => Promise<void>;
}

function parseBasic(header: string | undefined): { username: string; password: string } | undefined {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function runBackend(options: GitHttpServerOptions, req: IncomingMessage, res: ServerResponse, user: string | undefined, record: ServedRequest): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    GIT_PROJECT_ROOT: options.root,
    GIT_HTTP_EXPORT_ALL: '1',
    GIT_CONFIG_GLOBAL: GIT_CONFIG_GLOBAL,
    GIT_CONFIG_NOSYSTEM: '1',
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.slice(1),
    REQUEST_METHOD: req.method ?? 'GET',
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
  };
  if (user !== undefined) env['REMOTE_USER'] = user;
  if (req.headers['content-encoding']) env['HTTP_CONTENT_ENCODING'] = String(req.headers['content-encoding']);
  if (req.headers['git-protocol']) env['HTTP_GIT_PROTOCOL'] = String(req.headers['git-protocol']);
  if (options.allowPush) {
    Object.assign(env, { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.receivepack', GIT_CONFIG_VALUE_0: 'true' });
  }
  const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr.on('data', (chunk: Buffer) => (record.stderr = (record.stderr ?? '') + chunk.toString('utf8')));
  req.pipe(child.stdin);
  let head = Buffer.alloc(0);
  let headersDone = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (headersDone) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const text = head.toString('latin1');
    const end = text.search(/\r?\n\r?\n/);
    if (end < 0) return;
    const separator = /\r?\n\r?\n/.exec(text.slice(end))![0].length;
    let status = 200;
    for (const line of text.slice(0, end).split(/\r?\n/)) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else res.setHeader(name, value);
    }
    record.status = status;
    res.statusCode = status;
    headersDone = true;
    res.write(head.subarray(end + separator));
  });
  child.on('close', () => {
    if (!headersDone) {
      record.status = 500;
      res.statusCode = 500;
    }
    res.end();
  });
}

export async function startGitHttpServer(options: GitHttpServerOptions): Promise<GitHttpServer> {
  const requests: ServedRequest[] = [];
  const server = createServer((req, res) => {
    const record: ServedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', status: 0 };
    requests.push(record);
    let user: string | undefined;
    if (options.authorize) {
      const basic = parseBasic(req.headers.authorization);
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const allowed = basic !== undefined && options.authorize({ ...basic, path, host: req.headers.host ?? '' });
      if (basic) record.username = basic.username;
      if (!allowed) {
        record.status = 401;
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="leakwatch-test"' }).end();
        req.resume();
        return;
      }
      user = basic!.username;
    }
    runBackend(options, req, res, user, record);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
