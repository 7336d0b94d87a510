/**
 * Spreads scan tasks over worker threads (one per core by default), or runs them inline for
 * small jobs and where workers cannot start (e.g. under a TypeScript test runner).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Ruleset } from '../detect/types.js';
import { LeakwatchError } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import { CatFileReader } from '../git/cat-file-reader.js';
import { ObjectScanner } from './object-scanner.js';
import { scanFiles, scanObjects } from './scan-chunk.js';
import type { ScanTask } from './scan-chunk.js';
import type { ChunkResult } from '../domain/finding.js';

export interface TaskRunner {
  run(task: ScanTask): Promise<ChunkResult>;
  close(): Promise<void>;
}

/** Worker young generation (MB): small, so short-lived blob strings are collected early. */
const YOUNG_GENERATION_MB = 8;
const WORKER_URL = new URL('./scan-worker.js', import.meta.url);

/** Workers need the compiled .js; the TypeScript sources (tests) run inline. */
export function workersAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}

/**
 * Most worker threads a scan may start: two per core. Each worker holds its own compiled
 * ruleset, heap and `git cat-file` child, so past the cores more workers only cost memory and
 * time (`--workers 400`: 41 s and 4.6 GB where 2 took 1.7 s and 170 MB).
 */
export function maxWorkerCount(): number {
  return 2 * Math.max(1, availableParallelism());
}

/** Refuses a worker count outside 1..maxWorkerCount(), naming where it came from. */
export function checkWorkerCount(n: number, from: string): number {
  const max = maxWorkerCount();
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new LeakwatchError('usage', `${from} takes a whole number from 1 to ${max} (two per core), not "${n}".`);
  }
  return n;
}

/** LEAKWATCH_WORKERS when set (checked like --workers), else one per core. */
export function defaultWorkerCount(): number {
  const fromEnv = process.env.LEAKWATCH_WORKERS;
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    // 0 was accepted before and meant "inline": keep it.
    if (fromEnv.trim() === '0') return 1;
    return checkWorkerCount(Number(fromEnv), 'LEAKWATCH_WORKERS');
  }
  return Math.max(1, availableParallelism());
}

class InlineRunner implements TaskRunner {
  private readonly scanner: ObjectScanner;
  private reader: CatFileReader | null = null;

  constructor(
    private readonly gitDir: string | null,
    ruleset: Ruleset,
  ) {
    this.scanner = new ObjectScanner(ruleset);
  }

  /** Tasks run one after another: the single cat-file child serves one read at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  run(task: ScanTask): Promise<ChunkResult> {
    const next = this.queue.then(() => {
      if (task.kind === 'files') return scanFiles(this.scanner, task.files);
      this.reader ??= new CatFileReader(this.gitDir!);
      return scanObjects(this.reader, this.scanner, task.objects);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    this.reader?.close();
  }
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

class ThreadPool implements TaskRunner {
  private readonly slots: Slot[] = [];
  private readonly waiting: ((slot: Slot) => void)[] = [];

  constructor(gitDir: string | null, ruleset: Ruleset, count: number) {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(WORKER_URL, {
        workerData: { gitDir, specs: ruleset.specs },
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      });
      worker.unref();
      this.slots.push({ worker, busy: false });
    }
  }

  async run(task: ScanTask): Promise<ChunkResult> {
    const slot = await this.acquire();
    try {
      return await new Promise<ChunkResult>((resolve, reject) => {
        const onError = (err: Error): void => reject(new LeakwatchError('git', `scan worker failed: ${err.message}`));
        slot.worker.once('error', onError);
        slot.worker.once('message', (msg: { ok: boolean; result?: ChunkResult; error?: { message: string; code?: string } }) => {
          slot.worker.off('error', onError);
          if (msg.ok) resolve(msg.result!);
          else reject(new LeakwatchError((msg.error!.code as ErrorCode | undefined) ?? 'git', msg.error!.message));
        });
        slot.worker.postMessage(task);
      });
    } finally {
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private acquire(): Promise<Slot> {
    const free = this.slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  }
}

export function createTaskRunner(gitDir: string | null, ruleset: Ruleset, workers: number): TaskRunner {
  if (workers <= 1 || !workersAvailable()) return new InlineRunner(gitDir, ruleset);
  return new ThreadPool(gitDir, ruleset, workers);
}
