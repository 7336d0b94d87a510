/**
 * The buffers a history scan reads its chunks into (worker-pool.ts), moved to the worker that
 * scans a chunk (transferred, not copied) and moved back with its answer. A chunk that fits
 * `minBytes` (most: a chunk is about CHUNK_BYTES plus its last object) takes a buffer of that
 * size, kept from chunk to chunk. A larger chunk takes a buffer of its size, kept afterwards
 * only while the free large ones hold little (large objects come in runs, such as the versions
 * of one bundled file) and freed otherwise, at once: moved into a message channel that is then
 * closed, which frees its memory without waiting for a garbage collection. So the pool holds
 * the chunks in flight and a bounded few, whatever the size of the objects read. (Shared
 * buffers dropped for larger ones waited for collections of two threads, and the main thread's
 * array buffers reached 150 MB on the large corpus, docs/benchmarks.md. Resizable buffers can
 * shrink, but Node.js 20 reads a view of one byte by byte 2.5 times slower than a plain one.)
 */
import { MessageChannel } from 'node:worker_threads';

const MB = 1024 * 1024;

/** Frees `buffer`'s memory now: it moves into a message that is dropped with its closed channel. */
export function freeBuffer(buffer: ArrayBuffer): void {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(null, [buffer]);
  port1.close();
  port2.close();
}

export class ChunkBufferPool {
  /** Free buffers of `minBytes`. */
  private readonly small: ArrayBuffer[] = [];
  /** Free larger buffers. */
  private readonly large: ArrayBuffer[] = [];

  /**
   * @param minBytes the size of the buffers most chunks fit
   * @param keep spare buffers of each kind kept at most (the chunks that can be in flight at once)
   * @param idleBytes bytes the free larger buffers may hold between them
   */
  constructor(
    private readonly minBytes: number,
    private readonly keep: number,
    private readonly idleBytes: number,
  ) {}

  /** A buffer of at least `bytes`. */
  take(bytes: number): ArrayBuffer {
    if (bytes <= this.minBytes) return this.small.pop() ?? new ArrayBuffer(this.minBytes);
    // The smallest free one that holds the chunk, else a new one of its size in whole MB.
    let best = -1;
    this.large.forEach((b, i) => {
      if (b.byteLength >= bytes && (best < 0 || b.byteLength < this.large[best]!.byteLength)) best = i;
    });
    if (best >= 0) return this.large.splice(best, 1)[0]!;
    return new ArrayBuffer(Math.ceil(bytes / MB) * MB);
  }

  /**
   * A buffer back from the worker that scanned its chunk: kept for a later chunk, or freed now
   * (a larger one past `idleBytes`, the smallest free ones making room for it first).
   */
  give(buffer: ArrayBuffer): void {
    if (buffer.byteLength === this.minBytes) {
      if (this.small.length < this.keep) this.small.push(buffer);
      else freeBuffer(buffer);
      return;
    }
    if (buffer.byteLength < this.minBytes || buffer.byteLength > this.idleBytes) {
      if (buffer.byteLength > 0) freeBuffer(buffer);
      return;
    }
    this.large.push(buffer);
    this.large.sort((a, b) => b.byteLength - a.byteLength);
    let idle = this.large.reduce((sum, b) => sum + b.byteLength, 0);
    while (idle > this.idleBytes || this.large.length > this.keep) {
      const dropped = this.large.pop()!;
      idle -= dropped.byteLength;
      freeBuffer(dropped);
    }
  }

  /** The free buffers' sizes: those of `minBytes`, then the larger ones, largest first. */
  spareSizes(): number[] {
    return [...this.small, ...this.large].map((b) => b.byteLength);
  }
}
