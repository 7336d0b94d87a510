/**
 * Rate limit of failed console logins: each client address may fail `perAddress` times within
 * `windowMs`, and all clients together `overall` times (a spread-out guess is slowed too); past
 * that, logins are refused with the seconds to wait until the window that counted them ends.
 */
export interface LoginThrottle {
  /** Seconds to wait before this address may try again, or 0. */
  retryAfter(address: string): number;
  failed(address: string): void;
  succeeded(address: string): void;
}

export const LOGIN_LIMITS = { windowMs: 15 * 60 * 1000, perAddress: 5, overall: 100 };

interface Window {
  start: number;
  failures: number;
}

export function createLoginThrottle(limits = LOGIN_LIMITS, now: () => number = Date.now): LoginThrottle {
  const byAddress = new Map<string, Window>();
  let overall: Window = { start: now(), failures: 0 };
  const current = (w: Window | undefined): Window | undefined => (w !== undefined && now() - w.start < limits.windowMs ? w : undefined);
  const wait = (w: Window): number => Math.max(1, Math.ceil((w.start + limits.windowMs - now()) / 1000));
  return {
    retryAfter(address) {
      const mine = current(byAddress.get(address));
      if (mine !== undefined && mine.failures >= limits.perAddress) return wait(mine);
      const all = current(overall);
      if (all !== undefined && all.failures >= limits.overall) return wait(all);
      return 0;
    },
    failed(address) {
      const mine = current(byAddress.get(address)) ?? { start: now(), failures: 0 };
      mine.failures += 1;
      byAddress.set(address, mine);
      if (current(overall) === undefined) overall = { start: now(), failures: 0 };
      overall.failures += 1;
      // Expired windows are dropped as they are met, so the map stays as small as the attack.
      if (byAddress.size > 10_000) for (const [a, w] of byAddress) if (current(w) === undefined) byAddress.delete(a);
    },
    succeeded(address) {
      byAddress.delete(address);
    },
  };
}
