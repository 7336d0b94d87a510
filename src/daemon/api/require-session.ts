/**
 * The gate in front of every data route: a session (401 without), and for a POST the session's
 * CSRF token from this origin (403 without) and, when asked, the responder role (403).
 */
import type { ConsoleRole } from '../../domain/console-api.js';
import { csrfMatches, sameOrigin, sessionOf } from './console-access.js';
import type { ApiRequest, ConsoleContext } from './console-context.js';
import type { ConsoleSession } from './console-sessions.js';
import { sendError } from './http-io.js';

export function requireSession(request: ApiRequest, ctx: ConsoleContext, role?: ConsoleRole): ConsoleSession | undefined {
  const { req, res } = request;
  const session = sessionOf(req, ctx.access, ctx.sessions);
  if (session === undefined) {
    sendError(res, 401, 'not logged in');
    return undefined;
  }
  if (req.method !== 'GET' && (!sameOrigin(req, ctx.access) || !csrfMatches(req, session.csrfToken))) {
    ctx.log.warn({ who: session.who, path: request.url.pathname }, 'Console request without a valid CSRF token refused');
    sendError(res, 403, 'missing or wrong CSRF token; reload the page');
    return undefined;
  }
  if (role === 'responder' && session.role !== 'responder') {
    sendError(res, 403, 'this needs the responder role');
    return undefined;
  }
  return session;
}

/** The name the timeline records: a proxy-verified identity as it is, a login name marked as such. */
export function actorName(session: ConsoleSession): string {
  return session.via === 'proxy' ? session.who : `${session.who} (console login)`;
}
