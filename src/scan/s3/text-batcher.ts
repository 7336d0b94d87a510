/**
 * Hands texts to the scan pool in batches and keeps only a few batches in flight, so reading
 * from S3 waits for the scanner rather than piling texts up in memory.
 */
import type { ChunkResult } from '../../domain/finding.js';
import type { TaskRunner } from '../worker-pool.js';

const BATCH_BYTES = 4 * 1024 * 1024;
const BATCH_TEXTS = 256;

export class TextBatcher {
  private batch: { oid: string; name: string; data: Uint8Array }[] = [];
  private batchBytes = 0;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly runner: TaskRunner,
    private readonly maxInFlight: number,
    private readonly onResult: (r: ChunkResult) => void,
  ) {}

  async add(oid: string, name: string, data: Buffer): Promise<void> {
    this.batch.push({ oid, name, data });
    this.batchBytes += data.length;
    if (this.batchBytes >= BATCH_BYTES || this.batch.length >= BATCH_TEXTS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batch.length > 0) {
      const texts = this.batch;
      this.batch = [];
      this.batchBytes = 0;
      const run: Promise<void> = this.runner.run({ kind: 'texts', texts }).then((r) => {
        this.inFlight.delete(run);
        this.onResult(r);
      });
      this.inFlight.add(run);
    }
    while (this.inFlight.size >= this.maxInFlight) await Promise.race(this.inFlight);
  }

  async drain(): Promise<void> {
    await this.flush();
    await Promise.all(this.inFlight);
  }
}
