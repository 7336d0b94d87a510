/**
 * A small HTTP server on 127.0.0.1 shaped like the GitHub REST API for the endpoints leakwatch
 * calls, recording every request so tests can assert what the real Octokit sent.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type FakeRoute = (req: RecordedRequest) => FakeReply;

export interface FakeGitHub {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Replace or add a route, keyed `METHOD /path`. */
  route(key: string, handler: FakeRoute): void;
  close(): Promise<void>;
}

export interface FakeGitHubOptions {
  /** Tokens GET /user accepts, mapped to the login it returns. */
  users?: Record<string, string>;
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  const users = options.users ?? {};
  const routes = new Map<string, FakeRoute>([
    ['POST /credentials/revoke', () => ({ status: 202, body: {} })],
    [
      'GET /user',
      (req) => {
        const token = String(req.headers.authorization ?? '').replace(/^(token|bearer) /i, '');
        const login = users[token];
        if (login === undefined) return { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' } };
        return { status: 200, body: { login, id: 1, type: 'User' }, headers: { 'x-oauth-scopes': 'repo, read:org' } };
      },
    ],
  ]);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path,
        headers: req.headers,
        body: raw === '' ? undefined : (JSON.parse(raw) as unknown),
      };
      requests.push(recorded);
      const handler = routes.get(`${recorded.method} ${path}`);
      const reply = handler?.(recorded) ?? { status: 404, body: { message: 'Not Found' } };
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    route: (key, handler) => routes.set(key, handler),
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
