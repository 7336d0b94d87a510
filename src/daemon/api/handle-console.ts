/**
 * The console's share of the daemon's HTTP server: its pages under `/ui/` and its JSON API under
 * `/api/` (session, incidents, repositories and health, posture; one file per route group).
 * With no way to log in configured, `disabledConsole` answers 404 there, saying how to turn it on.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../logger.js';
import type { IncidentStore } from '../../respond/incident-store.js';
import type { FindingStore, RepositoryStore } from '../../store/types.js';
import { incidentRoutes } from './api-incidents.js';
import { postureRoutes } from './api-posture.js';
import { repositoryRoutes } from './api-repositories.js';
import { sessionRoutes } from './api-session.js';
import type { ConsoleAccessConfig } from './console-access.js';
import { consoleEnabled } from './console-access.js';
import type { ConsoleContext, RouteGroup } from './console-context.js';
import { createConsoleSessions } from './console-sessions.js';
import { createLoginThrottle } from './login-throttle.js';
import { sendError } from './http-io.js';
import { createAssetServer } from './serve-console-assets.js';

const ROUTES: readonly RouteGroup[] = [sessionRoutes, incidentRoutes, repositoryRoutes, postureRoutes];

export interface ConsoleOptions {
  access: ConsoleAccessConfig;
  incidents: IncidentStore;
  store: RepositoryStore & FindingStore;
  queue: ConsoleContext['queue'];
  posture?: ConsoleContext['posture'];
  log: Logger;
  now?: () => Date;
  /** Where the built pages are; default dist/console. */
  assetsDir?: string;
  bodyTimeoutMs?: number;
  loginLimits?: Parameters<typeof createLoginThrottle>[0];
}

export interface ConsoleHandler {
  /** True for the paths the console answers (`/ui`, `/ui/...`, `/api/...`). */
  owns(pathname: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
}

const owns = (pathname: string): boolean => pathname === '/ui' || pathname.startsWith('/ui/') || pathname.startsWith('/api/');

/** The console of a daemon with no way to log in configured: every console path says how to turn it on. */
export function disabledConsole(): ConsoleHandler {
  return {
    owns,
    handle: async (_req, res) => sendError(res, 404, 'console disabled: set http.uiToken (or http.uiTrustedProxies)'),
  };
}

export { consoleEnabled };

export function createConsoleHandler(options: ConsoleOptions): ConsoleHandler {
  const log = options.log.child({ component: 'console' });
  const context: ConsoleContext = {
    access: options.access,
    sessions: createConsoleSessions(),
    throttle: createLoginThrottle(options.loginLimits),
    incidents: options.incidents,
    store: options.store,
    queue: options.queue,
    ...(options.posture === undefined ? {} : { posture: options.posture }),
    log,
    now: options.now ?? (() => new Date()),
    bodyTimeoutMs: options.bodyTimeoutMs ?? 10_000,
  };
  const assets = createAssetServer(options.assetsDir);
  return {
    owns,
    async handle(req, res, url) {
      if (!url.pathname.startsWith('/api/')) return assets(req, res, url.pathname);
      const request = { req, res, url, parts: url.pathname.slice('/api/'.length).split('/') };
      for (const route of ROUTES) if (await route(request, context)) return;
      sendError(res, 404, 'no such API route');
    },
  };
}
