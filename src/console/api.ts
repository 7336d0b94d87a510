/**
 * The console's calls to the daemon's JSON API. Every POST carries the session's CSRF token;
 * a failure becomes an ApiFailure with the server's one-line error.
 */
import type { SessionView } from '../domain/console-api.js';

export class ApiFailure extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

let csrfToken = '';

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new ApiFailure(response.status, body.error ?? `request failed (${response.status})`);
  return body as T;
}

export async function get<T>(path: string): Promise<T> {
  return answer<T>(await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } }));
}

export async function post<T>(path: string, body: unknown = {}): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  });
  return answer<T>(response);
}

export async function loadSession(): Promise<SessionView> {
  const session = await get<SessionView>('/api/session');
  csrfToken = session.csrfToken;
  return session;
}

export async function logIn(token: string, name: string): Promise<SessionView> {
  const session = await post<SessionView>('/api/login', { token, name });
  csrfToken = session.csrfToken;
  return session;
}

export async function logOut(): Promise<void> {
  await post('/api/logout');
  csrfToken = '';
}
