/** What the console's routes share: access settings, sessions, the stores and the job queue. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PostureView } from '../../domain/console-api.js';
import type { Logger } from '../../logger.js';
import type { IncidentStore } from '../../respond/incident-store.js';
import type { FindingStore, RepositoryStore } from '../../store/types.js';
import type { ConsoleAccessConfig } from './console-access.js';
import type { ConsoleSessions } from './console-sessions.js';
import type { LoginThrottle } from './login-throttle.js';

export interface ConsoleContext {
  access: ConsoleAccessConfig;
  sessions: ConsoleSessions;
  throttle: LoginThrottle;
  incidents: IncidentStore;
  store: RepositoryStore & FindingStore;
  queue: { running(): string[]; waiting(): string[] };
  /** When posture last ran and its failing checks, once a posture store exists; unset: posture is not available. */
  posture?: () => PostureView;
  log: Logger;
  now: () => Date;
  bodyTimeoutMs: number;
}

export interface ApiRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The path below `/api/`, split on `/`. */
  parts: string[];
}

/** A route group answers the requests it knows and returns false for the others. */
export type RouteGroup = (request: ApiRequest, context: ConsoleContext) => Promise<boolean> | boolean;
