import { describe, expect, it } from 'vitest';
import { SESSION_TTL_MS, createConsoleSessions } from '../../../src/daemon/api/console-sessions.js';
import { createLoginThrottle } from '../../../src/daemon/api/login-throttle.js';

describe('console sessions', () => {
  it('end after their time to live, and at logout', () => {
    let now = 1_000_000;
    const sessions = createConsoleSessions(() => now);
    const a = sessions.create({ who: 'Rita', role: 'responder', via: 'token' });
    const b = sessions.create({ who: 'Vera', role: 'viewer', via: 'token' });
    expect(a.id).not.toBe(b.id);
    expect(a.csrfToken).not.toBe(a.id);
    expect(sessions.get(a.id)?.who).toBe('Rita');
    sessions.end(b.id);
    expect(sessions.get(b.id)).toBeUndefined();
    now += SESSION_TTL_MS;
    expect(sessions.get(a.id)).toBeUndefined();
    expect(sessions.get(undefined)).toBeUndefined();
  });

  it('derive the login CSRF token from the pre-login cookie with a key of this process', () => {
    const one = createConsoleSessions();
    const other = createConsoleSessions();
    expect(one.loginCsrf('abc')).toBe(one.loginCsrf('abc'));
    expect(one.loginCsrf('abc')).not.toBe(one.loginCsrf('abd'));
    expect(one.loginCsrf('abc')).not.toBe(other.loginCsrf('abc'));
  });
});

describe('login throttle', () => {
  it('holds an address after its failures until its window ends, and all addresses past the overall limit', () => {
    let now = 0;
    const throttle = createLoginThrottle({ windowMs: 60_000, perAddress: 2, overall: 3 }, () => now);
    throttle.failed('10.0.0.1');
    expect(throttle.retryAfter('10.0.0.1')).toBe(0);
    throttle.failed('10.0.0.1');
    expect(throttle.retryAfter('10.0.0.1')).toBe(60);
    expect(throttle.retryAfter('10.0.0.2')).toBe(0);
    now = 30_000;
    expect(throttle.retryAfter('10.0.0.1')).toBe(30);
    throttle.failed('10.0.0.2');
    // Three failures over all addresses: everyone waits for the overall window.
    expect(throttle.retryAfter('10.0.0.3')).toBe(30);
    now = 60_000;
    expect(throttle.retryAfter('10.0.0.1')).toBe(0);
    expect(throttle.retryAfter('10.0.0.3')).toBe(0);
  });

  it('forgets an address that logged in', () => {
    const throttle = createLoginThrottle({ windowMs: 60_000, perAddress: 2, overall: 100 }, () => 0);
    throttle.failed('10.0.0.1');
    throttle.succeeded('10.0.0.1');
    throttle.failed('10.0.0.1');
    expect(throttle.retryAfter('10.0.0.1')).toBe(0);
  });
});
