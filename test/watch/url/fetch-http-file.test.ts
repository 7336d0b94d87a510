import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchHttpFile } from '../../../src/watch/url/fetch-http-file.js';

let server: Server;
let base: string;

beforeAll(async () => {
  // Answers /slow with headers only and never ends the body; /down never answers at all.
  server = createServer((req, res) => {
    if (req.url === '/slow') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('fetchHttpFile', () => {
  it.each(['/down', '/slow'])('gives up on %s after its time limit with a one-line error', async (path) => {
    const error = await fetchHttpFile(`${base}${path}`, { fetch, maxBytes: 1_000, timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'target', message: expect.stringMatching(/no answer within 0\.2 s/) });
  });

  it('says it cannot connect, naming the URL', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await fetchHttpFile(`http://127.0.0.1:${port}/a.js`, { fetch, maxBytes: 1_000, timeoutMs: 5_000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: `http://127.0.0.1:${port}/a.js: cannot fetch (ECONNREFUSED); check the URL and the network` });
  });
});
