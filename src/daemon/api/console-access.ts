/**
 * Who a console request comes from. Two ways in: a session cookie set at login with a UI token
 * (`http.uiToken` for responders, `http.uiViewerToken` for viewers), or an identity header set by
 * a front proxy (OIDC) — believed only when the request's peer address is one of
 * `http.uiTrustedProxies`; such a user is a responder when listed in `http.uiResponders`, a viewer
 * otherwise. A POST must carry its session's CSRF token and, when it says where it comes from,
 * come from this origin.
 */
import type { IncomingMessage } from 'node:http';
import type { ConsoleRole } from '../../domain/console-api.js';
import { escapeField } from '../../util/terminal-text.js';
import type { ConsoleSession, ConsoleSessions } from './console-sessions.js';
import { sameSecret } from './console-sessions.js';
import { peerAddress, readCookies } from './http-io.js';

export const SESSION_COOKIE = 'leakwatch_session';
export const PRE_LOGIN_COOKIE = 'leakwatch_login';

export interface ConsoleAccessConfig {
  responderToken: string | undefined;
  viewerToken: string | undefined;
  trustedProxies: readonly string[];
  identityHeader: string;
  responders: readonly string[];
}

export interface ProxyUser {
  who: string;
  role: ConsoleRole;
}

/** The console is on when some way to log in is configured. */
export function consoleEnabled(config: ConsoleAccessConfig): boolean {
  return config.responderToken !== undefined || config.viewerToken !== undefined || config.trustedProxies.length > 0;
}

/** The role a UI token grants, compared in constant time against both tokens. */
export function roleForToken(config: ConsoleAccessConfig, token: string): ConsoleRole | undefined {
  const responder = config.responderToken !== undefined && sameSecret(token, config.responderToken);
  const viewer = config.viewerToken !== undefined && sameSecret(token, config.viewerToken);
  return responder ? 'responder' : viewer ? 'viewer' : undefined;
}

export function fromTrustedProxy(req: IncomingMessage, config: ConsoleAccessConfig): boolean {
  return config.trustedProxies.includes(peerAddress(req));
}

/** The identity the trusted proxy names; undefined for anyone else, whatever headers they send. */
export function proxyUser(req: IncomingMessage, config: ConsoleAccessConfig): ProxyUser | undefined {
  if (!fromTrustedProxy(req, config)) return undefined;
  const raw = req.headers[config.identityHeader.toLowerCase()];
  const who = typeof raw === 'string' ? raw.trim() : '';
  if (who === '' || who.length > 200 || escapeField(who) !== who) return undefined;
  const responder = config.responders.includes(who) || config.responders.includes('*');
  return { who, role: responder ? 'responder' : 'viewer' };
}

/**
 * The request's session. Behind the proxy, a session belongs to the identity it was made for:
 * when the proxy names someone else (another person in the same browser), it does not count.
 */
export function sessionOf(req: IncomingMessage, config: ConsoleAccessConfig, sessions: ConsoleSessions): ConsoleSession | undefined {
  const session = sessions.get(readCookies(req).get(SESSION_COOKIE));
  if (session === undefined) return undefined;
  if (session.via === 'token') return session;
  const user = proxyUser(req, config);
  return user !== undefined && user.who === session.who && user.role === session.role ? session : undefined;
}

/** Whether the request's TLS ended at us or at the trusted proxy (then the cookie is Secure). */
export function isHttps(req: IncomingMessage, config: ConsoleAccessConfig): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted === true) return true;
  return fromTrustedProxy(req, config) && req.headers['x-forwarded-proto'] === 'https';
}

/** A POST from another origin is refused even before its CSRF token is looked at. */
export function sameOrigin(req: IncomingMessage, config: ConsoleAccessConfig): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const forwarded = fromTrustedProxy(req, config) ? req.headers['x-forwarded-host'] : undefined;
  const host = forwarded ?? req.headers.host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function csrfMatches(req: IncomingMessage, expected: string): boolean {
  const given = req.headers['x-csrf-token'];
  return typeof given === 'string' && sameSecret(given, expected);
}
