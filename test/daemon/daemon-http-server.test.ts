import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import { startDaemonHttpServer } from '../../src/daemon/daemon-http-server.js';
import { createSnsVerifier } from '../../src/daemon/verify-sns-message.js';
import { TEST_GIT_ENV, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

afterAll(() => removeTempDirs());

describe('daemon HTTP server', () => {
  it('reports not ready (503) until ready, and refuses wrong methods, unknown paths and oversized bodies', async () => {
    let ready = false;
    const log = createMemoryLogger().log;
    const server = await startDaemonHttpServer({
      host: '127.0.0.1',
      port: 0,
      registry: new Registry(),
      isReady: () => ready,
      log,
      webhook: { token: 't', snsTopicArns: [], verifier: createSnsVerifier(), fetch: async () => ({ ok: true, status: 200 }), onChanges: () => [], log },
    });
    try {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
      ready = true;
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      expect((await fetch(`${server.url}/webhook/codecommit`)).status).toBe(405);
      expect((await fetch(`${server.url}/nothing`)).status).toBe(404);
      const big = await fetch(`${server.url}/webhook/codecommit`, { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024), headers: { authorization: 'Bearer t' } });
      expect(big.status).toBe(413);
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
