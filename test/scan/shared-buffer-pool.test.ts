import { describe, expect, it } from 'vitest';
import { SharedBufferPool } from '../../src/scan/shared-buffer-pool.js';

const MB = 1024 * 1024;

describe('SharedBufferPool', () => {
  it('gives a chunk the smallest spare that holds it, and keeps the others', () => {
    const pool = new SharedBufferPool(4 * MB, 16 * MB);
    const made = [pool.take(1 * MB), pool.take(9 * MB), pool.take(5 * MB)];
    expect(made.map((b) => b.byteLength)).toEqual([4 * MB, 9 * MB, 5 * MB]);
    for (const b of made) pool.give(b);
    expect(pool.spareSizes()).toEqual([4 * MB, 5 * MB, 9 * MB]);
    // 4.5 MB: the 5 MB spare, the same buffer, not a new one; the 4 MB one stays for the next chunk.
    expect(pool.take(4.5 * MB)).toBe(made[2]);
    expect(pool.spareSizes()).toEqual([4 * MB, 9 * MB]);
  });

  it('never keeps more buffers than were in use at once: a new one takes the smallest spare\'s place', () => {
    const pool = new SharedBufferPool(4 * MB, 16 * MB);
    // Four chunks in flight, back; then chunks each larger than any spare, one at a time.
    const first = [1, 2, 3, 4].map(() => pool.take(MB));
    for (const b of first) pool.give(b);
    for (const size of [6, 7, 8, 9, 10, 11]) {
      const b = pool.take(size * MB);
      expect(pool.spareSizes().length + 1).toBeLessThanOrEqual(4);
      pool.give(b);
    }
    expect(pool.spareSizes()).toEqual([8 * MB, 9 * MB, 10 * MB, 11 * MB]);
  });

  it('drops a buffer larger than it keeps', () => {
    const pool = new SharedBufferPool(4 * MB, 16 * MB);
    pool.give(pool.take(20 * MB));
    expect(pool.spareSizes()).toEqual([]);
  });
});
