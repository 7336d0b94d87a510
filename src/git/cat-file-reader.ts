/**
 * One long-lived `git cat-file --batch-command` child: object ids go in on stdin, contents stream
 * out. Each object is handed to a synchronous callback as soon as its bytes are complete.
 *
 * Memory stays bounded by the largest object, not by the history: git's output is read into one
 * buffer reused for every read (reused-read.ts), the callback runs inside the read handler, so
 * while it works nothing more is read (the socket or pipe fills and git blocks: that is the
 * backpressure), and at most WINDOW requests are ever outstanding,
 * so neither git's output nor the request text can run ahead of the scan. An object that lies
 * whole in one chunk is handed over as a view of it; a bigger one is copied once, straight into
 * a buffer of its size, instead of collecting the chunks and concatenating them.
 */
import type { ChildProcessByStdio } from 'node:child_process';
import type { Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { LeakwatchError } from '../errors.js';
import type { ObjectInfo } from './enumerate-objects.js';
import { socketPair } from './reused-read.js';
import { firstLine, spawnGit, spawnGitWritingTo } from './run-git.js';

/** Requests sent per flush: git writes in blocks instead of one write per object. */
const FLUSH_EVERY = 32;
/** Most requests outstanding at once (a multiple of FLUSH_EVERY). */
const WINDOW = 8 * FLUSH_EVERY;
/** The buffer git's output is read into, reused for every read. */
const READ_BYTES = 64 * 1024;

type OnObject = (info: ObjectInfo, data: Buffer) => void;
/** Where to assemble an object that spans pipe reads: a buffer of exactly `size` bytes. */
type BodyFor = (size: number) => Buffer;

interface Job {
  objects: ObjectInfo[];
  next: number;
  /** How many objects have been requested so far. */
  sent: number;
  onObject: OnObject;
  bodyFor: BodyFor;
  resolve: () => void;
  reject: (err: Error) => void;
}

export class CatFileReader {
  private child: ChildProcessByStdio<Writable, Readable | null, Readable> | null = null;
  /** Our end of the socket git writes to (null where it writes to a pipe). */
  private output: Socket | null = null;
  private job: Job | null = null;
  /** A read is asked for (it may still wait for the child to start). */
  private reading = false;
  private header = '';
  /** The object being assembled: its bytes so far (null between objects). */
  private body: Buffer | null = null;
  private have = 0;
  /** The LF git writes after each object's contents is still to come. */
  private lfPending = false;
  private stderr = '';
  private failed: Error | null = null;
  /** Settles once the child has started. */
  private readonly ready: Promise<void>;
  /** Settles when the child has exited and its output is closed. */
  private exited: Promise<void> = Promise.resolve();

  constructor(gitDir: string) {
    this.ready = this.start(gitDir);
  }

  /**
   * Starts `git cat-file --batch-command --buffer` (with a flush every few objects, see
   * requestMore: git writes in blocks instead of one write per object, without holding back
   * more than a few objects). Its output goes to a socket read into one buffer reused for every
   * read (reused-read.ts), or, where there is none, to a pipe read as Node does.
   */
  private async start(gitDir: string): Promise<void> {
    const args = ['cat-file', '--batch-command', '--buffer'];
    const pair = await socketPair(Buffer.allocUnsafe(READ_BYTES), (chunk) => this.onData(chunk));
    let outputClosed: Promise<void>;
    if (pair) {
      try {
        this.child = spawnGitWritingTo(gitDir, args, pair.theirs);
      } finally {
        // The child has its own copy of the descriptor; when it exits, ours sees the end.
        pair.theirs.destroy();
      }
      this.output = pair.ours;
      this.output.on('error', () => undefined);
      outputClosed = new Promise((resolve) => pair.ours.once('close', () => resolve()));
    } else {
      const child = spawnGit(gitDir, args);
      child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
      this.child = child;
      outputClosed = Promise.resolve();
    }
    const child = this.child;
    child.stderr.on('data', (b: Buffer) => (this.stderr += b.toString('utf8')));
    child.stdin.on('error', () => undefined);
    child.on('error', (e) => this.fail(new LeakwatchError('git', `cannot run git cat-file: ${e.message}`)));
    const closed = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    // Anything git wrote before it exited is read before its end is taken for a failure.
    this.exited = Promise.all([closed, outputClosed]).then(([code]) => {
      if (this.job) this.fail(new LeakwatchError('git', `cannot read objects: ${firstLine(this.stderr) || `git exited ${code}`}`));
    });
  }

  /**
   * Streams the given objects, in order, to `onObject`. One call at a time. An object that
   * spans reads is assembled in `bodyFor(size)` (a new buffer by default). The data handed to
   * `onObject` is valid only until it returns.
   */
  async read(objects: ObjectInfo[], onObject: OnObject, bodyFor: BodyFor = (size) => Buffer.allocUnsafe(size)): Promise<void> {
    if (this.reading) throw new Error('CatFileReader.read called while a read is in progress');
    this.reading = true;
    try {
      await this.ready;
      if (this.failed) throw this.failed;
      if (objects.length === 0) return;
      await new Promise<void>((resolve, reject) => {
        this.job = { objects, next: 0, sent: 0, onObject, bodyFor, resolve, reject };
        this.requestMore();
      });
    } finally {
      this.reading = false;
    }
  }

  /** The child's process id (undefined until it has started, or if it could not). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Ends the child's input; resolves once it has exited (reaped, no zombie left). */
  async close(): Promise<void> {
    await this.ready;
    this.child!.stdin.end();
    await this.exited;
  }

  /**
   * Tops the requests up to WINDOW ahead of the objects received, in whole flush groups. A pipe
   * write of a few KB never blocks for long, and the window keeps it small whatever `drain` says.
   */
  private requestMore(): void {
    const job = this.job;
    if (!job || job.sent - job.next > WINDOW - FLUSH_EVERY) return;
    let text = '';
    const until = Math.min(job.objects.length, job.next + WINDOW);
    while (job.sent < until) {
      const groupEnd = Math.min(until, job.sent + FLUSH_EVERY);
      for (; job.sent < groupEnd; job.sent++) text += `contents ${job.objects[job.sent]!.oid}\n`;
      text += 'flush\n';
    }
    if (text) this.child!.stdin.write(text);
  }

  private fail(err: Error): void {
    this.failed = err;
    const job = this.job;
    this.job = null;
    job?.reject(err);
  }

  private onData(chunk: Buffer): void {
    let pos = 0;
    // The last object's LF may follow after its read has resolved: it is still skipped.
    while (pos < chunk.length && (this.job || this.lfPending)) {
      if (this.lfPending) {
        this.lfPending = false;
        pos++;
        continue;
      }
      if (this.body) {
        const take = Math.min(this.body.length - this.have, chunk.length - pos);
        chunk.copy(this.body, this.have, pos, pos + take);
        this.have += take;
        pos += take;
        if (this.have === this.body.length) this.finish(this.body);
        continue;
      }
      const nl = chunk.indexOf(10, pos);
      if (nl < 0) {
        this.header += chunk.toString('latin1', pos);
        return;
      }
      const line = this.header + chunk.toString('latin1', pos, nl);
      this.header = '';
      pos = nl + 1;
      if (line.endsWith(' missing') || line.endsWith(' ambiguous')) {
        const detail = firstLine(this.stderr);
        this.fail(new LeakwatchError('git', `object ${line.split(' ')[0]} is corrupt or unreadable${detail ? ` (${detail})` : ''}: run git fsck`));
        return;
      }
      const wanted = this.job!.objects[this.job!.next]!.oid;
      if (!line.startsWith(`${wanted} `)) {
        this.fail(new LeakwatchError('git', `git cat-file answered "${line.slice(0, 80)}" where object ${wanted} was due`));
        return;
      }
      const size = Number(line.slice(line.lastIndexOf(' ') + 1));
      if (pos + size <= chunk.length) {
        // Whole in this chunk: no copy. The callback keeps no reference past its return.
        const data = chunk.subarray(pos, pos + size);
        pos += size;
        this.finish(data);
      } else {
        this.body = this.job!.bodyFor(size);
        this.have = 0;
      }
    }
  }

  /** The object's contents are complete; its trailing LF may still be ahead. */
  private finish(data: Buffer): void {
    this.body = null;
    this.have = 0;
    this.lfPending = true;
    this.advance(data);
  }

  private advance(data: Buffer): void {
    const job = this.job!;
    const info = job.objects[job.next++]!;
    try {
      job.onObject(info, data);
    } catch (err) {
      this.fail(err as Error);
      return;
    }
    if (job.next === job.objects.length) {
      this.job = null;
      job.resolve();
    } else {
      this.requestMore();
    }
  }
}

/**
 * Reads the objects into one buffer, their bytes one after another in order (each as long as
 * its `size`), so that they can be handed to another thread at once. `bufferFor` gives the
 * buffer for the total size (at least that long): a caller can reuse its buffers. An object
 * that spans pipe reads is assembled in its place there, not in a buffer of its own.
 */
export async function readObjectsInto(reader: CatFileReader, objects: ObjectInfo[], bufferFor: (bytes: number) => Buffer): Promise<Buffer> {
  let total = 0;
  for (const o of objects) total += o.size;
  const out = bufferFor(total);
  let at = 0;
  await reader.read(
    objects,
    (info, data) => {
      if (data.length !== info.size) {
        throw new LeakwatchError('git', `object ${info.oid} is ${data.length} bytes where it was listed with ${info.size}: run git fsck`);
      }
      // Assembled in place already (below), or a view of a pipe read to copy.
      if (data.buffer !== out.buffer || data.byteOffset !== out.byteOffset + at) data.copy(out, at);
      at += data.length;
    },
    // Past the listed total (an object larger than listed) it gets a buffer of its own, and fails above.
    (size) => (at + size <= total ? out.subarray(at, at + size) : Buffer.allocUnsafe(size)),
  );
  return out.subarray(0, total);
}
