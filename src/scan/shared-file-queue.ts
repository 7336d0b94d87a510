/**
 * One queue of plain files shared by the main thread and its workers: each thread takes the next
 * file itself (an atomic counter in shared memory), so no thread ever waits for another to hand it
 * work. Before, a worker finished its batch and waited for the main thread, busy matching a file
 * of its own, to read its reply and send the next batch: 13-25 % of the worker's time.
 *
 * The main thread lists the files and sends each worker the names listed so far through a port
 * of its own (a worker reads it synchronously, with no event loop turn); the counter says which
 * file is next, the listed count how far the names go.
 */
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import type { ChunkResult } from '../domain/finding.js';
import type { ObjectScanner } from './object-scanner.js';
import { emptyResult, scanFileInto } from './scan-chunk.js';
import type { PlainFile, ScanTask } from './scan-chunk.js';

/** Slots of the shared Int32Array. */
const NEXT = 0;
const LISTED = 1;
const CLOSED = 2;
/** Files the workers have finished (for progress). */
const DONE = 3;
/** Never written: a worker waits on it to sleep a moment. */
const IDLE = 4;
const SLOTS = 6;
/** Bytes the workers have finished (for progress), a BigInt64 after the counters. */
const BYTES_OFFSET = SLOTS * Int32Array.BYTES_PER_ELEMENT;

/** What a worker is posted: its port for the names, the shared counters, the size limit. */
export type SharedFilesTask = Extract<ScanTask, { kind: 'shared-files' }>;

/**
 * The index of the next file not yet taken by any thread, or -1 once the listing is closed and
 * every file is taken. With `wait`, while the listing goes on and everything listed is taken, it
 * waits for more names; without, it returns -1 then too.
 */
function claim(s: Int32Array, wait: boolean): number {
  for (;;) {
    const next = Atomics.load(s, NEXT);
    const listed = Atomics.load(s, LISTED);
    if (next < listed) {
      if (Atomics.compareExchange(s, NEXT, next, next + 1) === next) return next;
      continue;
    }
    if (Atomics.load(s, CLOSED) === 1) {
      // Closing stores the last count first: read after CLOSED, it is final.
      if (next >= Atomics.load(s, LISTED)) return -1;
      continue;
    }
    if (!wait) return -1;
    Atomics.wait(s, LISTED, listed, 50);
  }
}

/** The main thread's side: the listing, the ports to the workers, and its own taking. */
export class SharedFileQueue {
  readonly state = new SharedArrayBuffer(BYTES_OFFSET + BigInt64Array.BYTES_PER_ELEMENT);
  readonly files: PlainFile[] = [];
  private readonly s = new Int32Array(this.state, 0, SLOTS);
  private readonly workerBytes = new BigInt64Array(this.state, BYTES_OFFSET, 1);
  private readonly ports: MessageChannel['port1'][] = [];
  /** Files listed since the workers were last sent names. */
  private pending: PlainFile[] = [];
  /** Files taken by the main thread. */
  takenHere = 0;

  push(file: PlainFile): void {
    this.files.push(file);
    this.pending.push(file);
  }

  /** Files listed but not yet sent to the workers (nor open to taking). */
  get unsent(): number {
    return this.pending.length;
  }

  /** Sends the names listed since the last flush to every worker, then lets them be taken. */
  flush(): void {
    if (this.pending.length === 0) return;
    for (const port of this.ports) port.postMessage(this.pending);
    this.pending = [];
    Atomics.store(this.s, LISTED, this.files.length);
    Atomics.notify(this.s, LISTED);
  }

  /** The listing is complete: what is left is sent, and a thread that finds nothing more stops. */
  close(): void {
    this.flush();
    Atomics.store(this.s, CLOSED, 1);
    Atomics.notify(this.s, LISTED);
  }

  /** A task for one more worker: its port starts with every name sent so far. */
  connect(maxBytes: number): SharedFilesTask {
    const { port1, port2 } = new MessageChannel();
    const sent = this.files.length - this.pending.length;
    if (sent > 0) port1.postMessage(this.files.slice(0, sent));
    this.ports.push(port1);
    return { kind: 'shared-files', port: port2, state: this.state, maxBytes };
  }

  /** The next file for the main thread, or null when all are taken (never waits). */
  take(): PlainFile | null {
    const i = claim(this.s, false);
    if (i < 0) return null;
    this.takenHere++;
    return this.files[i]!;
  }

  /** True when the workers took no file at all: they have nothing to report. */
  get allTakenHere(): boolean {
    return Atomics.load(this.s, CLOSED) === 1 && this.takenHere === this.files.length;
  }

  /** Files and bytes the workers have finished so far. */
  workerProgress(): { files: number; bytes: number } {
    return { files: Atomics.load(this.s, DONE), bytes: Number(Atomics.load(this.workerBytes, 0)) };
  }

  closePorts(): void {
    for (const port of this.ports) port.close();
  }
}

/**
 * The worker's side: takes file after file until none is left, and returns what it found. Each
 * file it takes is counted in the result, as scanFiles counts it (scanned, binary, too large,
 * unreadable). With the built-in rules only (checked at build time), as the main thread scans
 * them, so no hard deadline watches it.
 */
export function scanSharedFiles(scanner: ObjectScanner, task: SharedFilesTask): ChunkResult {
  const s = new Int32Array(task.state, 0, SLOTS);
  const workerBytes = new BigInt64Array(task.state, BYTES_OFFSET, 1);
  const files: PlainFile[] = [];
  const out = emptyResult();
  try {
    for (;;) {
      const i = claim(s, true);
      if (i < 0) return out;
      // The names are posted before the count that lets them be taken: they are in the port.
      while (files.length <= i) {
        const m = receiveMessageOnPort(task.port);
        if (m === undefined) Atomics.wait(s, IDLE, 0, 1);
        else for (const f of m.message as PlainFile[]) files.push(f);
      }
      const before = out.bytes;
      scanFileInto(out, scanner, files[i]!, i, task.maxBytes);
      Atomics.add(workerBytes, 0, BigInt(out.bytes - before));
      Atomics.add(s, DONE, 1);
    }
  } finally {
    task.port.close();
  }
}
