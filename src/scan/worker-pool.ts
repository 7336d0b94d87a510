/**
 * Spreads scan tasks over worker threads (one per core by default), or runs them inline for
 * small jobs and where workers cannot start (e.g. under a TypeScript test runner).
 */
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { matcherTables } from '../detect/matcher-tables.js';
import type { Ruleset } from '../detect/types.js';
import { LeakwatchError } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import { CatFileReader, readObjectsInto } from '../git/cat-file-reader.js';
import { limitHeapGrowth } from './heap-growth.js';
import { hardDeadlineMs, newWatchState, StuckObjectCheck, WATCH_INTERVAL_MS } from './match-watch.js';
import { ObjectScanner } from './object-scanner.js';
import { emptyResult, scanFiles, scanObjects, scanTexts } from './scan-chunk.js';
import type { ScanTask } from './scan-chunk.js';
import { ChunkBufferPool } from './chunk-buffer-pool.js';
import type { ChunkResult } from '../domain/finding.js';
import type { ObjectInfo } from '../git/enumerate-objects.js';
import { packagePath } from '../util/package-root.js';

export interface TaskRunner {
  run(task: ScanTask): Promise<ChunkResult>;
  close(): Promise<void>;
}

/** Worker young generation (MB): small, so short-lived blob strings are collected early. */
const YOUNG_GENERATION_MB = 8;
/** The worker entry: its own file in the compiled tree and in the bundle alike. */
const workerUrl = (): URL => pathToFileURL(packagePath('dist', 'scan', 'scan-worker.js'));

/** Workers need the compiled .js; the TypeScript sources (tests) run inline. */
export function workersAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}

// How many workers: in its own module, so parsing --workers loads no scanner.
export { checkWorkerCount, defaultWorkerCount, maxWorkerCount } from './worker-count.js';

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
      if (task.kind === 'files') return scanFiles(this.scanner, task.files, task.maxBytes);
      if (task.kind === 'texts') return scanTexts(this.scanner, task.texts);
      if (task.kind === 'shared-files') throw new Error('a shared file queue is taken by worker threads, not inline');
      this.reader ??= new CatFileReader(this.gitDir!);
      return scanObjects(this.reader, this.scanner, task.objects);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.reader?.close();
  }
}

/**
 * How a posting of a chunk ended: answered, cut at a stuck object, or to be read and posted
 * again (it was queued at a worker that was stopped: its bytes went with that worker).
 */
type Outcome = { result: ChunkResult } | { cutAt: number } | { again: true };

/** A chunk posted to a worker (or waiting for one), and who hears how it ended. */
interface Pending {
  serial: number;
  task: ScanTask;
  /** The buffer holding a chunk's objects, moved to the worker with it. */
  buffer?: ArrayBuffer;
  resolve: (outcome: Outcome) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  state: Int32Array;
  check: StuckObjectCheck;
  /** Chunks posted to the worker and not answered yet, in the order it matches them. */
  queue: Pending[];
}

/**
 * Chunks a worker holds at once: the one it matches and the next, waiting in its port's queue,
 * so it goes on without waiting for the main thread (busy reading objects and walking history)
 * to take its reply and post it another.
 */
export const QUEUE_DEPTH = 2;

/** A worker's answer; `buffer` is the chunk's buffer moved back (scan-worker.ts). */
type Reply = { serial: number; ok: boolean; result?: ChunkResult; error?: { message: string; code?: string }; buffer?: ArrayBuffer };

export interface PoolOptions {
  /** The hard deadline for one object of this many bytes (tests set it low). */
  hardDeadlineMs?: (bytes: number) => number;
}

/** The object at `index` stopped at the hard deadline: counted as a partial, like a budget cut. */
function cutResult(task: ScanTask, index: number): ChunkResult {
  const out = emptyResult();
  out.objects = 1;
  out.partial = 1;
  if (task.kind === 'objects' || task.kind === 'blobs') {
    const o = task.objects[index]!;
    out.bytes = o.size;
    out.partialOids.push(o.oid);
  } else if (task.kind === 'texts') {
    const t = task.texts[index]!;
    out.bytes = t.data.byteLength;
    out.partialOids.push(t.oid);
  } else if (task.kind === 'files') {
    try {
      out.bytes = statSync(task.files[index]!.abs).size;
    } catch {
      // Read a moment ago; gone now. The size is only a figure.
    }
  }
  return out;
}

function withoutIndex(task: ScanTask, index: number): ScanTask {
  // The rest of a chunk read already is read again: its bytes went to the stopped worker.
  if (task.kind === 'objects' || task.kind === 'blobs') return { kind: 'objects', objects: task.objects.filter((_, i) => i !== index) };
  if (task.kind === 'texts') return { kind: 'texts', texts: task.texts.filter((_, i) => i !== index) };
  if (task.kind === 'files') return { kind: 'files', files: task.files.filter((_, i) => i !== index), maxBytes: task.maxBytes };
  // Its files are taken one by one and not watched (built-in rules only): never cut.
  throw new Error('a shared file queue cannot be cut and run again');
}

function addInto(into: ChunkResult, r: ChunkResult): void {
  into.results.push(...r.results);
  into.objects += r.objects;
  into.bytes += r.bytes;
  into.binary += r.binary;
  into.tooLarge += r.tooLarge;
  into.partial += r.partial;
  into.partialOids.push(...r.partialOids);
  into.unreadable.push(...r.unreadable);
}

/** How long a worker asked to stop may take before it is terminated. */
const STOP_GRACE_MS = 5000;
const exited = new WeakSet<Worker>();

function stopWorker(worker: Worker): Promise<void> {
  if (exited.has(worker)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.postMessage({ kind: 'stop' });
  });
}

const MB = 1024 * 1024;
/** A chunk is about CHUNK_BYTES (plan-chunks.ts) plus its last object: most fit in this. */
const MIN_CHUNK_BUFFER = 4 * MB;
/** What free buffers for large chunks may hold between them (chunk-buffer-pool.ts). */
const CHUNK_BUFFER_IDLE = 16 * MB;

/** A counting semaphore whose waiters are served in the order they came. */
class Tokens {
  private readonly waiting: (() => void)[] = [];

  constructor(private free: number) {}

  acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

/**
 * Objects are read by one `git cat-file` child for all workers, here on the main thread, a
 * chunk at a time into memory shared with the worker that scans it. Every worker having a child
 * of its own cost each about 110 MB on a multi-GB history (pack index, mapped pack windows,
 * delta bases, the largest objects), and one child inflates faster than the workers match. At
 * most QUEUE_DEPTH chunks a worker are read and not yet scanned, so a worker finds its next
 * chunk ready. A chunk's buffer moves to its worker and back (chunk-buffer-pool.ts): reused from
 * chunk to chunk, or freed at once after a large one, never garbage waiting for a collection (a
 * fresh buffer per chunk left tens of MB of them resident).
 */
class ThreadPool implements TaskRunner {
  private readonly slots: Slot[] = [];
  /** Chunks waiting for room at a worker, in the order they came. */
  private readonly waiting: Pending[] = [];
  private readonly deadlineFor: (bytes: number) => number;
  private readonly timer: NodeJS.Timeout;
  private reader: CatFileReader | null = null;
  /** Reads run one after another: the child serves one read at a time. */
  private reads: Promise<unknown> = Promise.resolve();
  /** Chunks read or being read and not yet scanned. */
  private readonly buffers: Tokens;
  /** The buffers chunks are read into, kept from chunk to chunk. */
  private readonly chunkBuffers: ChunkBufferPool;
  private serial = 0;

  constructor(
    private readonly gitDir: string | null,
    private readonly ruleset: Ruleset,
    count: number,
    options: PoolOptions,
  ) {
    this.deadlineFor = options.hardDeadlineMs ?? hardDeadlineMs;
    // Two chunks a worker, read and not yet scanned. When a worker answers one, its buffer
    // reads the next chunk while the worker matches the one it has queued: reading 2 MB takes
    // a fraction of matching it, so the queue refills in time without a buffer more.
    this.buffers = new Tokens(count * QUEUE_DEPTH);
    this.chunkBuffers = new ChunkBufferPool(MIN_CHUNK_BUFFER, count * QUEUE_DEPTH, CHUNK_BUFFER_IDLE);
    for (let i = 0; i < count; i++) {
      const state = newWatchState();
      const slot: Slot = { worker: null!, state, check: new StuckObjectCheck(state, this.deadlineFor), queue: [] };
      slot.worker = this.spawn(slot);
      this.slots.push(slot);
    }
    this.timer = setInterval(() => this.watch(), WATCH_INTERVAL_MS);
    this.timer.unref();
  }

  /** A worker for the slot; its replies and failure settle the chunks of the slot's queue. */
  private spawn(slot: Slot): Worker {
    const worker = new Worker(workerUrl(), {
      // The ruleset's hash and tables go with its specs: the worker compiles only the rules.
      workerData: { specs: this.ruleset.specs, hash: this.ruleset.hash, tables: matcherTables(this.ruleset), watchState: slot.state },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.unref();
    worker.once('exit', () => exited.add(worker));
    worker.on('message', (msg: Reply) => {
      if (msg.buffer) this.chunkBuffers.give(msg.buffer);
      // A worker replaced at the hard deadline is never heard from again.
      if (slot.worker !== worker) return;
      const done = slot.queue.shift();
      if (!done || done.serial !== msg.serial) {
        this.failSlot(slot, new LeakwatchError('git', `scan worker answered chunk ${msg.serial} where ${done?.serial ?? 'none'} was due`));
        return;
      }
      // The next chunk of the queue starts now: its deadline counts from here.
      if (slot.queue.length > 0) slot.check.reset(performance.now());
      this.fill();
      if (msg.ok) done.resolve({ result: msg.result! });
      else done.reject(new LeakwatchError((msg.error!.code as ErrorCode | undefined) ?? 'git', msg.error!.message));
    });
    worker.on('error', (err: Error) => {
      if (slot.worker !== worker) return;
      this.failSlot(slot, new LeakwatchError('git', `scan worker failed: ${err.message}`));
    });
    return worker;
  }

  /** Every chunk the worker holds fails with it. */
  private failSlot(slot: Slot, err: Error): void {
    const queue = slot.queue.splice(0);
    for (const p of queue) p.reject(err);
  }

  /**
   * Runs the chunk; an object stuck past the hard deadline is counted as partial and the rest
   * of the chunk runs again, without it, on a fresh worker. The stopped run's results never
   * arrived, so nothing is counted twice.
   */
  async run(task: ScanTask): Promise<ChunkResult> {
    const cut = emptyResult();
    let rest = task;
    for (;;) {
      const outcome = await this.runOnce(rest);
      if ('result' in outcome) {
        addInto(outcome.result, cut);
        return outcome.result;
      }
      if ('again' in outcome) continue;
      addInto(cut, cutResult(rest, outcome.cutAt));
      rest = withoutIndex(rest, outcome.cutAt);
    }
  }

  private async runOnce(task: ScanTask): Promise<Outcome> {
    if (task.kind !== 'objects') return this.post(task);
    await this.buffers.acquire();
    let buffer: ArrayBuffer | undefined;
    try {
      const data = await this.read(task.objects, (bytes) => {
        // Large objects leave large strings behind in the workers: heaps are kept closer to what they hold.
        if (bytes > MIN_CHUNK_BUFFER) limitHeapGrowth();
        buffer = this.chunkBuffers.take(bytes);
        return Buffer.from(buffer);
      });
      // From here the buffer is the worker's: it comes back with the answer (or ends with a stopped worker).
      const posted = buffer;
      buffer = undefined;
      return await this.post({ kind: 'blobs', objects: task.objects, data }, posted);
    } finally {
      // Not posted (the read failed): still ours.
      if (buffer) this.chunkBuffers.give(buffer);
      this.buffers.release();
    }
  }

  /** The chunk's objects, read after the reads asked for before. */
  private read(objects: ObjectInfo[], bufferFor: (bytes: number) => Buffer): Promise<Buffer> {
    const next = this.reads.then(() => {
      this.reader ??= new CatFileReader(this.gitDir!);
      return readObjectsInto(this.reader, objects, bufferFor);
    });
    this.reads = next.catch(() => undefined);
    return next;
  }

  /**
   * Posts the chunk to the worker with the fewest in its queue, or waits for room at one;
   * `buffer`, which holds its bytes, moves to that worker with it.
   */
  private post(task: ScanTask, buffer?: ArrayBuffer): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ serial: 0, task, buffer, resolve, reject });
      this.fill();
    });
  }

  /** Hands waiting chunks to workers with room in their queue, the least busy first. */
  private fill(): void {
    while (this.waiting.length > 0) {
      let best: Slot | null = null;
      for (const slot of this.slots) {
        if (slot.queue.length < QUEUE_DEPTH && (best === null || slot.queue.length < best.queue.length)) best = slot;
      }
      if (best === null) return;
      this.send(best, this.waiting.shift()!);
    }
  }

  private send(slot: Slot, pending: Pending): void {
    pending.serial = ++this.serial;
    // A worker with nothing queued starts on it now; otherwise its deadline starts when the
    // chunk before it is answered.
    if (slot.queue.length === 0) slot.check.reset(performance.now());
    slot.queue.push(pending);
    const message = { serial: pending.serial, task: pending.task };
    // A shared queue's port moves to the worker.
    if (pending.task.kind === 'shared-files') slot.worker.postMessage(message, [pending.task.port]);
    else slot.worker.postMessage(message, pending.buffer ? [pending.buffer] : []);
  }

  /**
   * Stops a stuck worker (terminate() interrupts a running regex): its chunk ends cut at the
   * object, and the chunks queued with it go to the fresh worker, from the start (a reply the
   * stopped worker sent and the pool had not taken yet is lost with it). A chunk of objects
   * moved its bytes to the stopped worker: it is read again first.
   */
  private replace(slot: Slot, serial: number, index: number): void {
    const queue = slot.queue.splice(0);
    void slot.worker.terminate();
    slot.state = newWatchState();
    slot.check = new StuckObjectCheck(slot.state, this.deadlineFor);
    slot.worker = this.spawn(slot);
    for (const p of queue) {
      if (p.serial === serial) p.resolve({ cutAt: index });
      else if (p.buffer) p.resolve({ again: true });
      else this.send(slot, p);
    }
  }

  private watch(): void {
    const now = performance.now();
    for (const slot of this.slots) {
      if (slot.queue.length === 0) continue;
      const stuck = slot.check.stuckAt(now);
      // Reported like a budget cut: stats.skipped.partial, and not saved as scanned.
      if (stuck && slot.queue.some((p) => p.serial === stuck.serial)) this.replace(slot, stuck.serial, stuck.index);
    }
  }

  /** Asks each worker to stop and waits for it, and closes the cat-file child. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    // Without a repository a worker has nothing to finish: it is ended at once, which also
    // spares waiting for one still starting when the scan is already done.
    await Promise.all([
      this.reader?.close(),
      ...this.slots.map((s) => (this.gitDir === null ? s.worker.terminate().then(() => undefined) : stopWorker(s.worker))),
    ]);
  }
}

/**
 * Small jobs run inline with the built-in rules (checked at build time). With user rules a
 * worker is used even for one object, so the hard deadline can stop a regex the load-time
 * checks let through.
 */
export function createTaskRunner(gitDir: string | null, ruleset: Ruleset, workers: number, options: PoolOptions = {}): TaskRunner {
  if (!workersAvailable() || (workers <= 1 && !ruleset.userRules)) return new InlineRunner(gitDir, ruleset);
  return new ThreadPool(gitDir, ruleset, Math.max(1, workers), options);
}

/**
 * Exactly `workers` worker threads, even one (a caller that scans in the main thread beside
 * them), or null where workers cannot start.
 */
export function createThreadPool(gitDir: string | null, ruleset: Ruleset, workers: number, options: PoolOptions = {}): TaskRunner | null {
  return workersAvailable() ? new ThreadPool(gitDir, ruleset, Math.max(1, workers), options) : null;
}
