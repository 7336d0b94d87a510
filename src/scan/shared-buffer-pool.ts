/**
 * The shared buffers a history scan reads its chunks into, kept from chunk to chunk (worker-pool.ts).
 * A chunk takes the smallest spare that holds it; when none does, the new buffer takes the place
 * of the smallest spare, so the buffers alive never outnumber the chunks that can be in flight
 * at once and hold at most that many times `keepBytes`. A spare too small for one chunk is not
 * simply dropped: each dropped buffer waits for a collection of both the main thread and the
 * worker that held it, and on a history of many multi-MB blobs the main thread's array buffers
 * reached 183 MB so (the large corpus, docs/benchmarks.md).
 */
const MB = 1024 * 1024;

export class SharedBufferPool {
  /** Free buffers, smallest first. */
  private readonly spare: SharedArrayBuffer[] = [];

  /**
   * @param minBytes the size of a buffer at least (a chunk is about its planned size plus its last object)
   * @param keepBytes a buffer larger than this is dropped after its chunk, not kept for the next
   */
  constructor(
    private readonly minBytes: number,
    private readonly keepBytes: number,
  ) {}

  /** A buffer of at least `bytes`: the smallest spare that holds them, or a new one. */
  take(bytes: number): SharedArrayBuffer {
    const fits = this.spare.findIndex((b) => b.byteLength >= bytes);
    if (fits >= 0) return this.spare.splice(fits, 1)[0]!;
    this.spare.shift();
    return new SharedArrayBuffer(Math.max(this.minBytes, Math.ceil(bytes / MB) * MB));
  }

  /** A buffer back, once its chunk is scanned (or given up). */
  give(buffer: SharedArrayBuffer): void {
    if (buffer.byteLength > this.keepBytes) return;
    const at = this.spare.findIndex((b) => b.byteLength > buffer.byteLength);
    this.spare.splice(at < 0 ? this.spare.length : at, 0, buffer);
  }

  /** The free buffers' sizes, smallest first. */
  spareSizes(): number[] {
    return this.spare.map((b) => b.byteLength);
  }
}
