import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ChunkBufferPool, freeBuffer } from '../../src/scan/chunk-buffer-pool.js';

const MB = 1024 * 1024;

describe('ChunkBufferPool', () => {
  it('gives a chunk that fits the common size the same buffer again once it is back', () => {
    const pool = new ChunkBufferPool(4 * MB, 4, 16 * MB);
    const first = pool.take(1 * MB);
    expect(first.byteLength).toBe(4 * MB);
    pool.give(first);
    expect(pool.take(4 * MB)).toBe(first);
  });

  it('keeps no more buffers of the common size than it is told, and frees the rest', () => {
    const pool = new ChunkBufferPool(4 * MB, 2, 16 * MB);
    const taken = [1, 2, 3].map(() => pool.take(MB));
    for (const b of taken) pool.give(b);
    expect(pool.spareSizes()).toEqual([4 * MB, 4 * MB]);
    // Freed: moved out of this thread (detached), its memory gone with the closed channel.
    expect(taken[2]!.byteLength).toBe(0);
  });

  it('keeps large buffers while the free ones hold little, the smallest that fits taken first', () => {
    const pool = new ChunkBufferPool(4 * MB, 4, 16 * MB);
    const a = pool.take(9.5 * MB);
    const b = pool.take(5 * MB);
    expect([a.byteLength, b.byteLength]).toEqual([10 * MB, 5 * MB]);
    pool.give(a);
    pool.give(b);
    expect(pool.spareSizes()).toEqual([10 * MB, 5 * MB]);
    expect(pool.take(4.5 * MB)).toBe(b);
    expect(pool.take(7 * MB)).toBe(a);
  });

  it('frees the smallest free large buffers to stay within what it may hold idle', () => {
    const pool = new ChunkBufferPool(4 * MB, 4, 16 * MB);
    const [a, b, c] = [6, 7, 9].map((n) => pool.take(n * MB));
    for (const x of [a!, b!, c!]) pool.give(x);
    // 6 + 7 + 9 MB > 16: the smallest goes, and 16 MB remain.
    expect(pool.spareSizes()).toEqual([9 * MB, 7 * MB]);
    expect([a!.byteLength, b!.byteLength]).toEqual([0, 7 * MB]);
    const huge = pool.take(40 * MB);
    pool.give(huge);
    expect(huge.byteLength).toBe(0);
    expect(pool.spareSizes()).toEqual([9 * MB, 7 * MB]);
  });
});

describe('freeBuffer', () => {
  it('gives the memory back without a garbage collection', async () => {
    const rss = (): number => process.memoryUsage().rss;
    const buffers = [1, 2, 3, 4].map(() => new Uint8Array(new ArrayBuffer(32 * MB)).fill(1).buffer);
    const before = rss();
    for (const b of buffers) freeBuffer(b);
    // The channels close on the next turns of the event loop.
    await sleep(50);
    expect(buffers.every((b) => b.byteLength === 0)).toBe(true);
    expect(before - rss()).toBeGreaterThan(64 * MB);
  });
});
