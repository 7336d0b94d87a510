/**
 * The daemon's HTTP server (node `http`): `/healthz` (the process answers), `/readyz` (the
 * store is open and the inventory's last refresh succeeded), `/metrics` (Prometheus), and the webhook.
 * Health and metrics need no token; the webhook goes through handle-webhook.ts, the console's
 * pages (`/ui/`) and API (`/api/`) through api/handle-console.ts.
 *
 * Bounded against slow or many callers: a webhook caller without the token is refused from its
 * headers and disconnected without its body being read; a body must arrive within
 * `bodyTimeoutMs` (408), headers within `headersTimeoutMs`; at most `maxConnections` sockets
 * are open at once (more are closed at accept), so slow clients cannot exhaust the process.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { LeakwatchError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ConsoleHandler } from './api/handle-console.js';
import { authorizeWebhook, handleWebhook } from './handle-webhook.js';
import type { WebhookDeps } from './handle-webhook.js';

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES;
export const HTTP_LIMITS = { bodyTimeoutMs: 10_000, headersTimeoutMs: 10_000, maxConnections: 64 };

export interface DaemonHttpOptions {
  host: string;
  port: number;
  registry: Registry;
  /** `ready`, or why not (`starting`, `inventory not loaded`). */
  readiness: () => string;
  webhook: WebhookDeps;
  /** The web console and its API; unset: those paths are 404. */
  console?: ConsoleHandler;
  log: Logger;
  /** Defaults: HTTP_LIMITS. */
  limits?: Partial<typeof HTTP_LIMITS>;
}

export interface DaemonHttpServer {
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Answers and hangs up without reading what is left of the request body. */
function sendAndClose(res: ServerResponse, status: number, body: string): void {
  res.shouldKeepAlive = false;
  res.once('finish', () => res.req.socket.destroy());
  send(res, status, body);
}

type BodyOutcome = { body: string } | { refused: 413 | 408 } | null;

function readBody(req: IncomingMessage, timeoutMs: number): Promise<BodyOutcome> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      req.removeAllListeners('data');
      req.pause();
      done({ refused: 408 });
    }, timeoutMs);
    const finish = (outcome: BodyOutcome): void => {
      clearTimeout(timer);
      done(outcome);
    };
    // An oversized body is read to its end (so the client sees the 413) unless it is absurd.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN_BYTES) req.destroy();
      else if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => finish(size > MAX_BODY_BYTES ? { refused: 413 } : { body: Buffer.concat(chunks).toString('utf8') }));
    req.on('close', () => finish(null));
    req.on('error', (err) => {
      clearTimeout(timer);
      fail(err);
    });
  });
}

async function route(req: IncomingMessage, res: ServerResponse, options: DaemonHttpOptions, limits: typeof HTTP_LIMITS): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'GET' && url.pathname === '/healthz') return send(res, 200, '{"status":"ok"}');
  if (req.method === 'GET' && url.pathname === '/readyz') {
    const status = options.readiness();
    return send(res, status === 'ready' ? 200 : 503, JSON.stringify({ status }));
  }
  if (req.method === 'GET' && url.pathname === '/metrics') {
    return send(res, 200, await options.registry.metrics(), options.registry.contentType);
  }
  if (url.pathname === '/webhook/codecommit') {
    if (req.method !== 'POST') return sendAndClose(res, 405, '{"error":"use POST"}');
    const authorized = authorizeWebhook(req.headers, url.searchParams, options.webhook);
    if ('status' in authorized) return sendAndClose(res, authorized.status, JSON.stringify(authorized.body));
    const read = await readBody(req, limits.bodyTimeoutMs);
    if (read === null) return; // the client went away
    if ('refused' in read) {
      if (read.refused === 408) options.log.warn({ timeoutMs: limits.bodyTimeoutMs }, 'Webhook body not received in time');
      return sendAndClose(res, read.refused, read.refused === 413 ? '{"error":"body too large"}' : '{"error":"body not received in time"}');
    }
    const answer = await handleWebhook({ headers: req.headers, query: url.searchParams, body: read.body }, options.webhook);
    return send(res, answer.status, JSON.stringify(answer.body));
  }
  if (options.console?.owns(url.pathname)) return options.console.handle(req, res, url);
  send(res, 404, '{"error":"not found"}');
}

export async function startDaemonHttpServer(options: DaemonHttpOptions): Promise<DaemonHttpServer> {
  const limits = { ...HTTP_LIMITS, ...options.limits };
  const server: Server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      // node's own whole-request bound, a backstop for readBody's timer.
      requestTimeout: limits.headersTimeoutMs + limits.bodyTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    (req, res) => {
      route(req, res, options, limits).catch((err: unknown) => {
        options.log.error({ err: (err as Error).message, path: req.url?.split('?')[0] }, 'HTTP request failed');
        if (!res.headersSent) send(res, 500, '{"error":"internal error"}');
        else res.destroy();
      });
    },
  );
  server.maxConnections = limits.maxConnections;
  await new Promise<void>((done, fail) => {
    server.once('error', (err) =>
      fail(new LeakwatchError('config', `cannot listen on ${options.host}:${options.port}: ${err.message}; change http.host or http.port`)),
    );
    server.listen(options.port, options.host, () => done());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
