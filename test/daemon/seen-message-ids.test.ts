import { describe, expect, it } from 'vitest';
import { createSeenMessageIds } from '../../src/daemon/seen-message-ids.js';

describe('seen SNS message ids', () => {
  it('claims an id once, and again after it was released', () => {
    const seen = createSeenMessageIds();
    expect(seen.claim('a', Date.now())).toBe(true);
    expect(seen.claim('a', Date.now())).toBe(false);
    seen.release('a');
    expect(seen.claim('a', Date.now())).toBe(true);
  });

  it('keeps at most maxEntries ids, forgetting the oldest first', () => {
    const seen = createSeenMessageIds({ maxEntries: 100 });
    for (let i = 0; i < 10_000; i++) seen.claim(`m-${i}`, Date.now());
    expect(seen.size()).toBe(100);
    expect(seen.claim('m-9999', Date.now())).toBe(false);
    expect(seen.claim('m-0', Date.now())).toBe(true);
  });

  it('forgets ids whose message is older than the verifier accepts', () => {
    let clock = 1_000_000_000;
    const seen = createSeenMessageIds({ maxAgeMs: 1000, now: () => clock });
    seen.claim('old', clock);
    clock += 1001;
    seen.claim('new', clock);
    expect(seen.size()).toBe(1);
  });
});
