import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/util/create-rate-limiter.js';

describe('rate limiter', () => {
  it('spaces calls 1/perSecond apart on an injected clock', async () => {
    let clock = 10_000;
    const sleeps: number[] = [];
    const limiter = createRateLimiter({
      perSecond: 2,
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    });
    await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    expect(sleeps).toEqual([500, 500]);
    clock += 5_000;
    await limiter.acquire();
    expect(sleeps).toEqual([500, 500]);
  });
});
