/**
 * A minimal spacing rate limiter: each `acquire()` resolves at least 1/perSecond after the
 * previous one. Callers queue in order. Clock and sleep are injectable so tests never wait.
 */
import { setTimeout as delay } from 'node:timers/promises';

export interface RateLimiter {
  acquire(): Promise<void>;
}

export interface RateLimiterOptions {
  perSecond: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const interval = 1000 / options.perSecond;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => delay(ms).then(() => undefined));
  let next = Number.NEGATIVE_INFINITY;
  let queue: Promise<void> = Promise.resolve();

  return {
    acquire(): Promise<void> {
      const turn = queue.then(async () => {
        const wait = next - now();
        if (wait > 0) await sleep(wait);
        next = Math.max(now(), next) + interval;
      });
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
