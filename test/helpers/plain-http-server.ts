/**
 * A plain local HTTP server on 127.0.0.1 serving fixed documents by path, for tests of any
 * URL that is not GitHub's. A document may omit its Content-Length (sent chunked), as many
 * servers do, so that size caps are tested while reading and not only on the header.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PlainDocument {
  status?: number;
  body: string | Buffer;
  contentType?: string;
  /** Send chunked, without Content-Length. */
  chunked?: boolean;
}

export interface PlainHttpServer {
  baseUrl: string;
  requests: Array<{ path: string; headers: IncomingHttpHeaders }>;
  serve(path: string, doc: PlainDocument): void;
  close(): Promise<void>;
}

export async function startPlainHttpServer(): Promise<PlainHttpServer> {
  const docs = new Map<string, PlainDocument>();
  const requests: PlainHttpServer['requests'] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({ path, headers: req.headers });
    const doc = docs.get(path);
    if (!doc) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not Found');
      return;
    }
    const body = typeof doc.body === 'string' ? Buffer.from(doc.body) : doc.body;
    const headers: Record<string, string> = { 'content-type': doc.contentType ?? 'text/plain; charset=utf-8' };
    if (!doc.chunked) headers['content-length'] = String(body.length);
    res.writeHead(doc.status ?? 200, headers);
    if (doc.chunked) {
      for (let at = 0; at < body.length; at += 16_384) res.write(body.subarray(at, at + 16_384));
      res.end();
    } else {
      res.end(body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    serve: (path, doc) => docs.set(path, doc),
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((err) => (err ? reject(err) : resolve()));
    }),
  };
}
