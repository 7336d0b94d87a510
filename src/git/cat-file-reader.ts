/**
 * One long-lived `git cat-file --batch-command` child: object ids go in on stdin, contents stream
 * out. Each object is handed to a synchronous callback as soon as its bytes are complete;
 * a slow callback stalls the pipe, which is the backpressure that keeps memory bounded.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { LeakwatchError } from '../errors.js';
import type { ObjectInfo } from './enumerate-objects.js';
import { firstLine, spawnGit } from './run-git.js';

const FLUSH_EVERY = 32;

type OnObject = (info: ObjectInfo, data: Buffer) => void;

interface Job {
  objects: ObjectInfo[];
  next: number;
  onObject: OnObject;
  resolve: () => void;
  reject: (err: Error) => void;
}

export class CatFileReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private job: Job | null = null;
  private header = '';
  private want = -1;
  private parts: Buffer[] = [];
  private have = 0;
  private stderr = '';
  private failed: Error | null = null;

  constructor(gitDir: string) {
    // --batch-command --buffer with a flush every few objects: git writes in blocks instead of
    // one write per object, without holding back more than a few objects' worth of output.
    this.child = spawnGit(gitDir, ['cat-file', '--batch-command', '--buffer']);
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (b: Buffer) => (this.stderr += b.toString('utf8')));
    this.child.stdin.on('error', () => undefined);
    this.child.on('error', (e) => this.fail(new LeakwatchError('git', `cannot run git cat-file: ${e.message}`)));
    this.child.on('close', (code) => {
      if (this.job) this.fail(new LeakwatchError('git', `cannot read objects: ${firstLine(this.stderr) || `git exited ${code}`}`));
    });
  }

  /** Streams the given objects, in order, to `onObject`. One call at a time. */
  read(objects: ObjectInfo[], onObject: OnObject): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.job) return Promise.reject(new Error('CatFileReader.read called while a read is in progress'));
    if (objects.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.job = { objects, next: 0, onObject, resolve, reject };
      void this.writeRequests(objects);
    });
  }

  /** The child's process id (undefined if it could not start). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  close(): void {
    this.child.stdin.end();
  }

  private async writeRequests(objects: ObjectInfo[]): Promise<void> {
    const stdin = this.child.stdin;
    const BATCH = 256;
    for (let i = 0; i < objects.length; i += BATCH) {
      let text = '';
      const batch = objects.slice(i, i + BATCH);
      for (let k = 0; k < batch.length; k++) {
        text += `contents ${batch[k]!.oid}\n`;
        if (k % FLUSH_EVERY === FLUSH_EVERY - 1 || k === batch.length - 1) text += 'flush\n';
      }
      if (!stdin.write(text)) await new Promise<void>((r) => stdin.once('drain', () => r()));
      if (this.failed) return;
    }
  }

  private fail(err: Error): void {
    this.failed = err;
    const job = this.job;
    this.job = null;
    job?.reject(err);
  }

  private onData(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length && this.job) {
      if (this.want < 0) {
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
        this.want = Number(line.slice(line.lastIndexOf(' ') + 1)) + 1; // content + LF
        this.parts = [];
        this.have = 0;
        continue;
      }
      const take = Math.min(this.want - this.have, chunk.length - pos);
      this.parts.push(chunk.subarray(pos, pos + take));
      this.have += take;
      pos += take;
      if (this.have === this.want) {
        const whole = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.have);
        this.want = -1;
        this.parts = [];
        this.advance(whole.subarray(0, whole.length - 1));
      }
    }
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
    }
  }
}
