/**
 * The daemon's web console, from its configuration: on when a UI token or a trusted proxy is
 * set, reading incidents from the daemon's database (`<dataDir>/state.db`, as the engine and
 * `leakwatch incidents` do) unless the caller hands it the engine's incident store.
 */
import { join } from 'node:path';
import type { LeakwatchConfig } from '../config/config-types.js';
import type { PostureView } from '../domain/console-api.js';
import type { Logger } from '../logger.js';
import type { IncidentStore } from '../respond/incident-store.js';
import { SqliteIncidentStore } from '../store/sqlite/sqlite-incident-store.js';
import type { MonitorStore } from '../store/types.js';
import type { ConsoleAccessConfig } from './api/console-access.js';
import { consoleEnabled, createConsoleHandler, disabledConsole } from './api/handle-console.js';
import type { ConsoleHandler, ConsoleOptions } from './api/handle-console.js';

export interface DaemonConsoleOptions {
  config: LeakwatchConfig;
  dataDir: string;
  store: MonitorStore;
  queue: ConsoleOptions['queue'];
  log: Logger;
  incidents?: IncidentStore;
  assetsDir?: string;
  /** When posture last ran and its failing checks; unset, `/api/posture` says posture is not available. */
  posture?: () => PostureView;
}

export function consoleAccess(config: LeakwatchConfig): ConsoleAccessConfig {
  const http = config.http;
  return {
    responderToken: http.uiToken,
    viewerToken: http.uiViewerToken,
    trustedProxies: http.uiTrustedProxies,
    identityHeader: http.uiIdentityHeader,
    responders: http.uiResponders,
  };
}

export function createDaemonConsole(options: DaemonConsoleOptions): { handler: ConsoleHandler; close(): void } {
  const access = consoleAccess(options.config);
  if (!consoleEnabled(access)) return { handler: disabledConsole(), close: () => undefined };
  const owned = options.incidents === undefined ? new SqliteIncidentStore(join(options.dataDir, 'state.db')) : undefined;
  const handler = createConsoleHandler({
    access,
    incidents: options.incidents ?? owned!,
    store: options.store,
    queue: options.queue,
    log: options.log,
    ...(options.assetsDir === undefined ? {} : { assetsDir: options.assetsDir }),
    ...(options.posture === undefined ? {} : { posture: options.posture }),
  });
  options.log.info({ responderToken: access.responderToken !== undefined, viewerToken: access.viewerToken !== undefined, trustedProxies: access.trustedProxies }, 'Console enabled at /ui/');
  return { handler, close: () => owned?.close() };
}
