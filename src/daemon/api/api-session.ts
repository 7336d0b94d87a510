/**
 * `GET /api/session` (who is logged in, and the CSRF token the page sends back), `POST
 * /api/login` (a UI token and the name to record in the timeline; rate-limited per address) and
 * `POST /api/logout`. A user named by the trusted front proxy gets a session at the first
 * `GET /api/session`, without a login.
 */
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { SessionView } from '../../domain/console-api.js';
import { escapeField } from '../../util/terminal-text.js';
import {
  PRE_LOGIN_COOKIE, SESSION_COOKIE, csrfMatches, isHttps, proxyUser, roleForToken, sameOrigin, sessionOf,
} from './console-access.js';
import type { ConsoleContext, RouteGroup } from './console-context.js';
import type { ConsoleSession } from './console-sessions.js';
import { SESSION_TTL_MS, randomToken } from './console-sessions.js';
import { cookie, peerAddress, readCookies, readSmallBody, sendError, sendJson } from './http-io.js';

const LoginBody = z.object({
  token: z.string().min(1).max(1000),
  name: z.string().trim().min(1).max(100).refine((n) => escapeField(n) === n, 'name must be printable'),
});

const view = (s: ConsoleSession): SessionView => ({ authenticated: true, who: s.who, role: s.role, via: s.via, csrfToken: s.csrfToken });

function sessionCookie(s: ConsoleSession, secure: boolean): string {
  return cookie(SESSION_COOKIE, s.id, { maxAgeSeconds: SESSION_TTL_MS / 1000, secure });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function getSession(res: ServerResponse, req: Parameters<RouteGroup>[0]['req'], ctx: ConsoleContext): void {
  const secure = isHttps(req, ctx.access);
  const session = sessionOf(req, ctx.access, ctx.sessions);
  if (session !== undefined) return sendJson(res, 200, view(session));
  const user = proxyUser(req, ctx.access);
  if (user !== undefined) {
    const created = ctx.sessions.create({ ...user, via: 'proxy' });
    ctx.log.info({ who: user.who, role: user.role }, 'Console session opened for a proxy user');
    return sendJson(res, 200, view(created), { 'set-cookie': sessionCookie(created, secure) });
  }
  const pre = readCookies(req).get(PRE_LOGIN_COOKIE) ?? randomToken();
  const answer: SessionView = { authenticated: false, csrfToken: ctx.sessions.loginCsrf(pre) };
  sendJson(res, 200, answer, { 'set-cookie': cookie(PRE_LOGIN_COOKIE, pre, { maxAgeSeconds: 3600, secure }) });
}

async function login(request: Parameters<RouteGroup>[0], ctx: ConsoleContext): Promise<void> {
  const { req, res } = request;
  const address = peerAddress(req);
  const wait = ctx.throttle.retryAfter(address);
  if (wait > 0) return sendError(res, 429, `too many failed logins; try again in ${wait} s`, { 'retry-after': String(wait) });
  const pre = readCookies(req).get(PRE_LOGIN_COOKIE);
  if (!sameOrigin(req, ctx.access) || pre === undefined || !csrfMatches(req, ctx.sessions.loginCsrf(pre))) {
    return sendError(res, 403, 'missing or wrong CSRF token; reload the page');
  }
  const text = await readSmallBody(req, ctx.bodyTimeoutMs);
  const body = LoginBody.safeParse(text === null ? undefined : parseJson(text));
  if (!body.success) return sendError(res, 400, 'send JSON {"token": "...", "name": "..."}: the UI token and your name');
  const role = roleForToken(ctx.access, body.data.token);
  if (role === undefined) {
    ctx.throttle.failed(address);
    ctx.log.warn({ address }, 'Console login refused');
    return sendError(res, 401, 'wrong token');
  }
  ctx.throttle.succeeded(address);
  const session = ctx.sessions.create({ who: body.data.name, role, via: 'token' });
  ctx.log.info({ who: session.who, role, address }, 'Console login');
  const secure = isHttps(req, ctx.access);
  sendJson(res, 200, view(session), {
    'set-cookie': [sessionCookie(session, secure), cookie(PRE_LOGIN_COOKIE, '', { maxAgeSeconds: 0, secure })],
  });
}

export const sessionRoutes: RouteGroup = async (request, ctx) => {
  const { req, res, parts } = request;
  const [name, ...rest] = parts;
  if (rest.length > 0 || (name !== 'session' && name !== 'login' && name !== 'logout')) return false;
  if (name === 'session') {
    if (req.method !== 'GET') sendError(res, 405, 'use GET');
    else getSession(res, req, ctx);
    return true;
  }
  if (req.method !== 'POST') {
    sendError(res, 405, 'use POST');
    return true;
  }
  if (name === 'login') {
    await login(request, ctx);
    return true;
  }
  const session = sessionOf(req, ctx.access, ctx.sessions);
  if (session === undefined) sendError(res, 401, 'not logged in');
  else if (!sameOrigin(req, ctx.access) || !csrfMatches(req, session.csrfToken)) sendError(res, 403, 'missing or wrong CSRF token; reload the page');
  else {
    ctx.sessions.end(session.id);
    sendJson(res, 200, { authenticated: false }, { 'set-cookie': cookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure: isHttps(req, ctx.access) }) });
  }
  return true;
};
