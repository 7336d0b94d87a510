/**
 * The daemon's HTTP server with the console on a seeded store, as the console's API tests use it:
 * UI tokens made at run time, a real listening server, its memory log.
 */
import { randomBytes } from 'node:crypto';
import { Registry } from 'prom-client';
import type { ConsoleAccessConfig } from '../../src/daemon/api/console-access.js';
import { createConsoleHandler } from '../../src/daemon/api/handle-console.js';
import type { ConsoleHandler, ConsoleOptions } from '../../src/daemon/api/handle-console.js';
import { startDaemonHttpServer } from '../../src/daemon/daemon-http-server.js';
import type { DaemonHttpServer } from '../../src/daemon/daemon-http-server.js';
import { createSeenMessageIds } from '../../src/daemon/seen-message-ids.js';
import { createSnsVerifier } from '../../src/daemon/verify-sns-message.js';
import type { ConsoleFixture } from './console-fixture.js';
import { createMemoryLogger } from './memory-logger.js';
import type { MemoryLogger } from './memory-logger.js';

export function uiTokens(): { responder: string; viewer: string } {
  return { responder: `lw-ui-${randomBytes(18).toString('hex')}`, viewer: `lw-view-${randomBytes(18).toString('hex')}` };
}

export interface ConsoleServer {
  server: DaemonHttpServer;
  logs: MemoryLogger;
  tokens: { responder: string; viewer: string };
}

export async function startConsoleServer(
  fixture: ConsoleFixture,
  access: Partial<ConsoleAccessConfig> = {},
  options: Partial<ConsoleOptions> = {},
  /** Replaces the console built from the fixture, e.g. a disabled one. */
  handlerOverride?: ConsoleHandler,
): Promise<ConsoleServer> {
  const tokens = uiTokens();
  const logs = createMemoryLogger();
  const handler = createConsoleHandler({
    access: { responderToken: tokens.responder, viewerToken: tokens.viewer, trustedProxies: [], identityHeader: 'x-forwarded-email', responders: [], ...access },
    incidents: fixture.incidents,
    store: fixture.store,
    queue: { running: () => [], waiting: () => ['static:other'] },
    log: logs.log,
    ...options,
  });
  const server = await startDaemonHttpServer({
    host: '127.0.0.1',
    port: 0,
    registry: new Registry(),
    readiness: () => 'ready',
    log: logs.log,
    console: handlerOverride ?? handler,
    webhook: {
      token: undefined, snsTopicArns: [], verifier: createSnsVerifier(), seenMessages: createSeenMessageIds(),
      fetch: async () => ({ ok: true, status: 200 }), onChanges: async () => [], log: logs.log,
    },
  });
  return { server, logs, tokens };
}
