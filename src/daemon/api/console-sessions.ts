/**
 * The console's sessions, held in memory: a random id (the HttpOnly cookie's value) names who is
 * logged in, with which role, and the CSRF token every POST of that session must carry. Sessions
 * end after `SESSION_TTL_MS` or at logout, and with the process (people log in again after a
 * restart). Before login, the login form's CSRF token is derived from a random pre-login cookie,
 * so the login POST is protected as every other POST is.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ConsoleRole } from '../../domain/console-api.js';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const MAX_SESSIONS = 10_000;

export interface ConsoleSession {
  id: string;
  who: string;
  role: ConsoleRole;
  via: 'token' | 'proxy';
  csrfToken: string;
  expiresAt: number;
}

export interface ConsoleSessions {
  create(user: { who: string; role: ConsoleRole; via: 'token' | 'proxy' }): ConsoleSession;
  get(id: string | undefined): ConsoleSession | undefined;
  end(id: string | undefined): void;
  /** The login form's CSRF token for a pre-login cookie value. */
  loginCsrf(preLogin: string): string;
  size(): number;
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison; a length difference is refused without comparing. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createConsoleSessions(now: () => number = Date.now): ConsoleSessions {
  const sessions = new Map<string, ConsoleSession>();
  const key = randomBytes(32);
  const sweep = (): void => {
    const t = now();
    for (const [id, s] of sessions) if (s.expiresAt <= t) sessions.delete(id);
    // Bounded whatever logs in: the oldest sessions go first (a Map keeps insertion order).
    while (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
  };
  return {
    create(user) {
      sweep();
      const session = { ...user, id: randomToken(), csrfToken: randomToken(), expiresAt: now() + SESSION_TTL_MS };
      sessions.set(session.id, session);
      return session;
    },
    get(id) {
      if (id === undefined) return undefined;
      const session = sessions.get(id);
      if (session === undefined || session.expiresAt > now()) return session;
      sessions.delete(id);
      return undefined;
    },
    end(id) {
      if (id !== undefined) sessions.delete(id);
    },
    loginCsrf: (preLogin) => createHmac('sha256', key).update(`login:${preLogin}`).digest('base64url'),
    size: () => sessions.size,
  };
}
