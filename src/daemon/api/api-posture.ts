/**
 * `GET /api/posture`: `{lastRunAt, failing}`, when the checks last ran (null: not yet) and the
 * failing results of each check's last run. Without a posture store it answers 404 with
 * `{"error": "posture not available", ...}`, which the page shows as such; a daemon with one
 * passes `posture` in the console context.
 */
import type { RouteGroup } from './console-context.js';
import { sendError, sendJson } from './http-io.js';
import { requireSession } from './require-session.js';

export const POSTURE_NOT_AVAILABLE = 'posture not available';

export const postureRoutes: RouteGroup = (request, ctx) => {
  const { req, res, parts } = request;
  if (parts.length !== 1 || parts[0] !== 'posture') return false;
  if (req.method !== 'GET') sendError(res, 405, 'use GET');
  else if (requireSession(request, ctx) === undefined) return true;
  else if (ctx.posture === undefined) sendJson(res, 404, { error: POSTURE_NOT_AVAILABLE, detail: 'this daemon has no posture checks yet' });
  else sendJson(res, 200, ctx.posture());
  return true;
};
