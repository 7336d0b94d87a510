/**
 * Scans a plain directory's files as they are (no history), like `gitleaks dir`: every
 * regular file below it except VCS folders and leakwatch's own state, symlinks not followed.
 */
import { lstatSync, readdirSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { join, sep } from 'node:path';
import type { Ruleset } from '../detect/types.js';
import type { ScanProgress } from './progress.js';
import { emptyStats } from '../domain/finding.js';
import type { ChunkResult, ObjectResult, ScanStats } from '../domain/finding.js';
import { ObjectScanner } from './object-scanner.js';
import { emptyResult, scanFileInto } from './scan-chunk.js';
import { SharedFileQueue } from './shared-file-queue.js';
import { createTaskRunner, createThreadPool } from './worker-pool.js';
import type { TaskRunner } from './worker-pool.js';

const SKIP_DIRS = new Set(['.git', '.hg', '.svn', '.leakwatch']);

interface FileEntry {
  abs: string;
  rel: string;
  oid: string;
}

/**
 * Lists the files below `root` depth first, in name order, handing each to `onFile` as it is
 * found, so the scan of the first files overlaps the listing of the rest: after each folder it
 * awaits what `pause` returns, if anything, so workers can be handed the files listed so far.
 * Entry types come from the listing itself (symlinks are not followed); nothing is stat'ed
 * here: the reader sizes each file on its open descriptor (scan-chunk.ts), one system call
 * fewer per file.
 */
async function walk(root: string, skipAbs: Set<string>, stats: ScanStats, onFile: (file: FileEntry) => void, pause: () => Promise<void> | null): Promise<void> {
  // Each folder with its path relative to the root, '/'-separated, '' for the root.
  const stack: [string, string][] = [[root, '']];
  while (stack.length > 0) {
    const [dir, relDir] = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      // A folder we may not list (or list but not enter): everything below it goes unscanned,
      // so it is counted and named.
      stats.skipped.unreadable++;
      stats.skipped.unreadablePaths.push({ path: relDir || '.', error: (err as NodeJS.ErrnoException).code ?? 'EIO' });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // Pushed in reverse, so folders are taken from the stack in name order.
    const folders: [string, string][] = [];
    // join() normalises the path each time (2-3 % of a scan of small files): below the root,
    // whose folders come from join() already (normalised, no trailing separator), the separator does the same.
    const atRoot = relDir === '';
    for (const entry of entries) {
      const name = entry.name;
      const abs = atRoot ? join(dir, name) : `${dir}${sep}${name}`;
      const rel = relDir === '' ? name : `${relDir}/${name}`;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(name) && !skipAbs.has(abs)) folders.push([abs, rel]);
      } else if (entry.isFile()) {
        onFile({ abs, rel, oid: rel });
      }
    }
    for (let i = folders.length - 1; i >= 0; i--) stack.push(folders[i]!);
    const paused = pause();
    if (paused !== null) await paused;
  }
}

export interface DirectoryScanOptions {
  ruleset: Ruleset;
  maxBlobBytes: number;
  workers: number;
  /** Absolute folders to leave out (e.g. the state directory when it lies inside). */
  exclude?: string[];
  onProgress?: (p: ScanProgress) => void;
  /** With the built-in rules, the bytes left past which workers start (WORKER_BYTES; tests set it low). */
  workerBytes?: number;
}

/**
 * With user rules, below this many bytes a directory is scanned by one worker: starting more
 * would cost more. A worker is a second V8 isolate that compiles and warms up the matcher on
 * its own (0.3-0.5 s of CPU on a 27-107 MB folder, beside its start). Files are sized (lstat)
 * only until the choice is made; past INLINE_FILES files all workers start anyway, so a folder
 * of very many small files is not sized file by file.
 */
const INLINE_BYTES = 8 * 1024 * 1024;
const INLINE_FILES = 4096;
/**
 * With the built-in rules the main thread scans alone until the files left are worth a worker:
 * an estimated WORKER_BYTES or more (the mean size of the files it has read, times the files
 * left), or WORKER_FILES files. A worker costs 0.4-0.6 s of CPU before it is of use (its start,
 * its own compiling and warming up of the matcher) while V8's compiler and collector threads
 * already keep the second core partly busy beside a lone main thread; timed on two idle cores,
 * the main thread alone matched the main thread with a worker in wall time up to about 70 MB of
 * real package sources (14 MB and 7,161 files: 0.99 s against 1.01 s; 67 MB and 9,526 files:
 * 1.22 s against 1.22 s) for a fifth to a quarter less CPU, and the worker won only past that
 * (104 MB and 16,819 files: 1.73 s against 1.61 s). Nothing is sized with lstat: the estimate
 * comes from the files read.
 */
const WORKER_BYTES = 64 * 1024 * 1024;
const WORKER_FILES = 16384;
/** Files the main thread reads before it first estimates, and between two estimates. */
const ESTIMATE_EVERY = 128;
/** Files listed between two sendings of their names to the workers. */
const SEND_FILES = 128;
/** Most files per worker task (user rules): small files travel in batches, never one message per file. */
const TASK_FILES = 128;
/** Fewest files per worker task, as tasks shrink towards the end so that threads end together. */
const TASK_FILES_MIN = 16;

/** The size the listing does not give; 0 when it cannot be had (the reader will say why). */
function sizeOf(abs: string): number {
  try {
    return lstatSync(abs).size;
  } catch {
    return 0;
  }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Adds a chunk's counts and results to the scan's. */
function addChunk(stats: ScanStats, results: ObjectResult[], r: ChunkResult): void {
  for (const result of r.results) results.push(result);
  stats.blobs += r.objects;
  stats.bytes += r.bytes;
  stats.skipped.tooLarge += r.tooLarge;
  stats.skipped.binary += r.binary;
  stats.skipped.partial += r.partial;
  stats.skipped.unreadable += r.unreadable.length;
  for (const u of r.unreadable) stats.skipped.unreadablePaths.push(u);
}

/**
 * Workers start once the listing has found enough to be worth them: `start` is called then, at
 * most once, while the listing goes on.
 */
function sizing(threads: number, start: () => void): (file: FileEntry, count: number) => void {
  let sized = threads <= 0;
  let bytes = 0;
  return (file, count) => {
    if (sized) return;
    bytes += sizeOf(file.abs);
    if (bytes >= INLINE_BYTES || count >= INLINE_FILES) {
      sized = true;
      start();
    }
  };
}

/**
 * With the built-in rules (checked at build time) the main thread scans too, beside
 * `workers - 1` worker threads started once the files left are worth them (WORKER_BYTES): one
 * thread fewer to start and warm up than workers alone, and on two cores both are busy. Every
 * thread takes its next file from one shared queue (shared-file-queue.ts). With user rules every
 * file goes through workers in tasks, so the hard deadline can stop a stuck regex.
 */
export async function scanDirectory(root: string, options: DirectoryScanOptions): Promise<{ stats: ScanStats; results: ObjectResult[] }> {
  const started = Date.now();
  const out = options.ruleset.userRules ? await scanInTasks(root, options) : await scanShared(root, options);
  out.stats.skipped.unreadablePaths.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  out.stats.durationMs = Date.now() - started;
  return out;
}

async function scanShared(root: string, options: DirectoryScanOptions): Promise<{ stats: ScanStats; results: ObjectResult[] }> {
  const stats: ScanStats = emptyStats();
  const results: ObjectResult[] = [];
  const queue = new SharedFileQueue();
  const threads = options.workers - 1;
  const workerBytes = options.workerBytes ?? WORKER_BYTES;
  let pool: TaskRunner | null = null;
  // Each worker's one task: it ends when the queue is empty.
  const running: Promise<ChunkResult>[] = [];
  let justStarted = false;
  // Workers may start no more (none wanted, started already, or they cannot start here).
  let decided = threads <= 0;
  const startWorkers = (): void => {
    if (decided) return;
    decided = true;
    pool = createThreadPool(null, options.ruleset, threads);
    if (pool === null) return;
    for (let i = 0; i < threads; i++) {
      const task = pool.run(queue.connect(options.maxBlobBytes));
      // Heard when awaited below; until then (the main thread busy scanning) it must not count
      // as unhandled, nor after, if the main thread took every file.
      task.catch(() => undefined);
      running.push(task);
    }
    justStarted = true;
  };
  try {
    await walk(
      root,
      new Set(options.exclude ?? []),
      stats,
      (file) => {
        queue.push(file);
        // A folder of this many files is worth workers whatever its bytes: they start while
        // the listing goes on.
        if (queue.files.length >= WORKER_FILES) startWorkers();
      },
      () => {
        if (pool === null) return null;
        if (queue.unsent >= SEND_FILES) queue.flush();
        if (!justStarted) return null;
        // The pool posts the tasks once the listing lets a turn of the event loop by.
        justStarted = false;
        return nextTurn();
      },
    );
    queue.close();
    const scanner = new ObjectScanner(options.ruleset);
    const here = emptyResult();
    let index = 0;
    let estimateAt = ESTIMATE_EVERY;
    for (let f = queue.take(); f !== null; f = queue.take()) {
      scanFileInto(here, scanner, f, index++, options.maxBlobBytes);
      if (!decided && index === estimateAt) {
        // Alone so far, the main thread has taken the first `index` files.
        const left = queue.files.length - index;
        if (left >= WORKER_FILES || (here.bytes / index) * left >= workerBytes) startWorkers();
        else estimateAt += ESTIMATE_EVERY;
      }
      if (options.onProgress) {
        const { files, bytes } = queue.workerProgress();
        const done = here.objects + here.tooLarge + here.unreadable.length + files;
        options.onProgress({ objectsDone: done, objectsTotal: queue.files.length, bytesDone: here.bytes + bytes });
      }
    }
    addChunk(stats, results, here);
    // Workers that took files report them when the queue is empty; if the main thread took them
    // all (a worker still starting), there is nothing to wait for.
    if (!queue.allTakenHere) for (const r of await Promise.all(running)) addChunk(stats, results, r);
  } finally {
    queue.closePorts();
    // Without a repository a worker has nothing to finish: the pool ends it at once.
    if (pool !== null) await (pool as TaskRunner).close();
  }
  return { stats, results };
}

/** With user rules: batches of files through worker tasks, each watched by the hard deadline. */
async function scanInTasks(root: string, options: DirectoryScanOptions): Promise<{ stats: ScanStats; results: ObjectResult[] }> {
  const stats: ScanStats = emptyStats();
  const results: ObjectResult[] = [];
  const files: FileEntry[] = [];
  const threads = options.workers;
  let pool: TaskRunner | null = null;
  const loops: Promise<void>[] = [];
  let listed = false;
  // Worker loops waiting for the listing to give them a task's worth of files.
  let waiting: (() => void)[] = [];
  const wakeLoops = (): void => {
    const woken = waiting;
    waiting = [];
    for (const wake of woken) wake();
  };
  let next = 0;
  // Files listed since the workers were last let in.
  let sincePause = 0;

  const add = (r: ChunkResult): void => {
    addChunk(stats, results, r);
    options.onProgress?.({ objectsDone: stats.blobs + stats.skipped.tooLarge + stats.skipped.unreadable, objectsTotal: files.length, bytesDone: stats.bytes });
  };
  const take = (count: number): FileEntry[] => {
    const taken = files.slice(next, next + count);
    next += taken.length;
    return taken;
  };
  const workerLoop = async (runner: TaskRunner, sharers: number): Promise<void> => {
    for (;;) {
      const left = files.length - next;
      // Full tasks while the listing goes on; then smaller ones, so that all threads end together.
      if (!listed && left < TASK_FILES) {
        await new Promise<void>((resolve) => waiting.push(resolve));
        continue;
      }
      if (left === 0) return;
      const size = listed ? Math.min(TASK_FILES, Math.max(TASK_FILES_MIN, Math.ceil(left / (2 * sharers)))) : TASK_FILES;
      add(await runner.run({ kind: 'files', files: take(size), maxBytes: options.maxBlobBytes }));
    }
  };
  const startPool = (runner: TaskRunner, count: number): void => {
    pool = runner;
    for (let i = 0; i < count; i++) loops.push(workerLoop(runner, count));
  };
  const onSized = sizing(threads, () => startPool(createTaskRunner(null, options.ruleset, threads), threads));
  // Once workers run, the listing stops now and then to let them have what it has found.
  const pause = (): Promise<void> | null => {
    if (pool === null || sincePause < TASK_FILES) return null;
    sincePause = 0;
    wakeLoops();
    return nextTurn();
  };

  try {
    await walk(
      root,
      new Set(options.exclude ?? []),
      stats,
      (file) => {
        files.push(file);
        sincePause++;
        onSized(file, files.length);
      },
      pause,
    );
    listed = true;
    wakeLoops();
    if (pool === null) startPool(createTaskRunner(null, options.ruleset, 1), 1);
    await Promise.all(loops);
  } catch (err) {
    // Nothing more is handed out; the tasks under way end before the workers are closed.
    next = files.length;
    throw err;
  } finally {
    listed = true;
    wakeLoops();
    await Promise.allSettled(loops);
    if (pool !== null) await (pool as TaskRunner).close();
  }
  return { stats, results };
}
