/**
 * The daemon's HTTP server (node `http`): `/healthz` (the process answers), `/readyz` (the
 * store is open and the first inventory is loaded), `/metrics` (Prometheus), and the webhook.
 * Health and metrics need no token; everything else goes through handle-webhook.ts.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { LeakwatchError } from '../errors.js';
import type { Logger } from '../logger.js';
import { handleWebhook } from './handle-webhook.js';
import type { WebhookDeps } from './handle-webhook.js';

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES;

export interface DaemonHttpOptions {
  host: string;
  port: number;
  registry: Registry;
  isReady: () => boolean;
  webhook: WebhookDeps;
  log: Logger;
}

export interface DaemonHttpServer {
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // An oversized body is read to its end (so the client sees the 413) unless it is absurd.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN_BYTES) req.destroy();
      else if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => done(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('close', () => done(null));
    req.on('error', fail);
  });
}

async function route(req: IncomingMessage, res: ServerResponse, options: DaemonHttpOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'GET' && url.pathname === '/healthz') return send(res, 200, '{"status":"ok"}');
  if (req.method === 'GET' && url.pathname === '/readyz') {
    return options.isReady() ? send(res, 200, '{"status":"ready"}') : send(res, 503, '{"status":"starting"}');
  }
  if (req.method === 'GET' && url.pathname === '/metrics') {
    return send(res, 200, await options.registry.metrics(), options.registry.contentType);
  }
  if (url.pathname === '/webhook/codecommit') {
    if (req.method !== 'POST') return send(res, 405, '{"error":"use POST"}');
    const body = await readBody(req);
    if (body === null) return send(res, 413, '{"error":"body too large"}');
    const answer = await handleWebhook({ headers: req.headers, query: url.searchParams, body }, options.webhook);
    return send(res, answer.status, JSON.stringify(answer.body));
  }
  send(res, 404, '{"error":"not found"}');
}

export async function startDaemonHttpServer(options: DaemonHttpOptions): Promise<DaemonHttpServer> {
  const server: Server = createServer((req, res) => {
    route(req, res, options).catch((err: unknown) => {
      options.log.error({ err: (err as Error).message, path: req.url?.split('?')[0] }, 'HTTP request failed');
      if (!res.headersSent) send(res, 500, '{"error":"internal error"}');
      else res.destroy();
    });
  });
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
