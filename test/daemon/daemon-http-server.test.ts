import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import { startDaemonHttpServer } from '../../src/daemon/daemon-http-server.js';
import type { DaemonHttpOptions } from '../../src/daemon/daemon-http-server.js';
import { createSeenMessageIds } from '../../src/daemon/seen-message-ids.js';
import { createSnsVerifier } from '../../src/daemon/verify-sns-message.js';
import { TEST_GIT_ENV, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

afterAll(() => removeTempDirs());

function serverOptions(overrides: Partial<DaemonHttpOptions> = {}): DaemonHttpOptions {
  const log = createMemoryLogger().log;
  return {
    host: '127.0.0.1',
    port: 0,
    registry: new Registry(),
    readiness: () => 'ready',
    log,
    webhook: {
      token: 't',
      snsTopicArns: [],
      verifier: createSnsVerifier(),
      seenMessages: createSeenMessageIds(),
      fetch: async () => ({ ok: true, status: 200 }),
      onChanges: async () => [],
      log,
    },
    ...overrides,
  };
}

/** A raw connection, so a test can send part of a request and see what the server does. */
async function rawConnection(url: string): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (text += chunk));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((done) => socket.once('close', () => done()));
  await new Promise<void>((done) => socket.once('connect', () => done()));
  return { socket, received: () => text, closed };
}

const SLOW_HEADERS = 'POST /webhook/codecommit HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n';

describe('daemon HTTP server', () => {
  it('reports not ready (503) with the reason until ready, and refuses wrong methods, unknown paths and oversized bodies', async () => {
    let readiness = 'starting';
    const server = await startDaemonHttpServer(serverOptions({ readiness: () => readiness }));
    try {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
      readiness = 'inventory not loaded';
      const notLoaded = await fetch(`${server.url}/readyz`);
      expect(notLoaded.status).toBe(503);
      expect(await notLoaded.json()).toEqual({ status: 'inventory not loaded' });
      readiness = 'ready';
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      expect((await fetch(`${server.url}/webhook/codecommit`)).status).toBe(405);
      expect((await fetch(`${server.url}/nothing`)).status).toBe(404);
      const big = await fetch(`${server.url}/webhook/codecommit`, { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024), headers: { authorization: 'Bearer t' } });
      expect(big.status).toBe(413);
      const notJson = await fetch(`${server.url}/webhook/codecommit`, { method: 'POST', body: '{"a":', headers: { authorization: 'Bearer t' } });
      expect(notJson.status).toBe(400);
    } finally {
      await server.close();
    }
  });

  it('refuses a caller without the token from its headers and hangs up without waiting for its slow body', async () => {
    const server = await startDaemonHttpServer(serverOptions());
    try {
      const client = await rawConnection(server.url);
      client.socket.write(`${SLOW_HEADERS}\r\n{"partial":`);
      await client.closed;
      expect(client.received()).toMatch(/^HTTP\/1\.1 401 /);
    } finally {
      await server.close();
    }
  });

  it('answers 408 and hangs up when a caller with the token does not send its body in time', async () => {
    const memory = createMemoryLogger();
    const server = await startDaemonHttpServer(serverOptions({ log: memory.log, limits: { bodyTimeoutMs: 100 } }));
    try {
      const client = await rawConnection(server.url);
      client.socket.write(`${SLOW_HEADERS}Authorization: Bearer t\r\n\r\n{"partial":`);
      await client.closed;
      expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
      expect(memory.lines().some((l) => l['msg'] === 'Webhook body not received in time')).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('closes connections beyond maxConnections at once, and serves again when one is freed', async () => {
    const server = await startDaemonHttpServer(serverOptions({ limits: { maxConnections: 2 } }));
    try {
      const held = [await rawConnection(server.url), await rawConnection(server.url)];
      for (const client of held) client.socket.write(`${SLOW_HEADERS}Authorization: Bearer t\r\n\r\n`);
      const extra = await rawConnection(server.url);
      await extra.closed;
      expect(extra.received()).toBe('');
      held[0]!.socket.destroy();
      await held[0]!.closed;
      // The server counts the freed slot once it has seen the close; retry until it has.
      let status = 0;
      while (status !== 200) status = await fetch(`${server.url}/healthz`).then((r) => r.status, () => 0);
      expect(status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

function runDaemon(config: string, cwd: string) {
  const root = resolve(import.meta.dirname, '../..');
  return spawnSync(
    process.execPath,
    ['--import', join(root, 'test/helpers/ts-loader/register.mjs'), join(root, 'src/cli/main.ts'), 'daemon', '--config', config],
    { cwd, env: { ...TEST_GIT_ENV, LEAKWATCH_LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 60_000 },
  );
}

describe('leakwatch daemon usage errors', () => {
  it('exits 2 with a one-line message when the config file does not exist', () => {
    const cwd = tempDir();
    const run = runDaemon(join(cwd, 'missing.yaml'), cwd);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/Config file not found/);
  });

  it('exits 2 with a one-line message when the HTTP port is taken', async () => {
    const cwd = tempDir();
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    try {
      const port = (taken.address() as AddressInfo).port;
      writeFileSync(join(cwd, 'config.yaml'), `dataDir: ${join(cwd, 'data')}\nlogLevel: silent\nhttp: { host: 127.0.0.1, port: ${port} }\n`);
      const run = runDaemon(join(cwd, 'config.yaml'), cwd);
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/cannot listen on 127\.0\.0\.1:\d+/);
    } finally {
      taken.close();
    }
  });
});
