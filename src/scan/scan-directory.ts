/**
 * Scans a plain directory's files as they are (no history), like `gitleaks dir`: every
 * regular file below it except VCS folders and leakwatch's own state, symlinks not followed.
 */
import { lstatSync, readdirSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Ruleset } from '../detect/types.js';
import type { ScanProgress } from './progress.js';
import { emptyStats } from '../domain/finding.js';
import type { ChunkResult, ObjectResult, ScanStats } from '../domain/finding.js';
import { ObjectScanner } from './object-scanner.js';
import { scanFiles } from './scan-chunk.js';
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
    for (const entry of entries) {
      const name = entry.name;
      const abs = join(dir, name);
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
}

/**
 * Below this many bytes a directory is scanned in the main thread alone: starting a worker
 * would cost more. Files are sized (lstat) only until the choice is made; past INLINE_FILES
 * files a worker starts anyway.
 */
const INLINE_BYTES = 4 * 1024 * 1024;
const INLINE_FILES = 1024;
/** Most files per worker task: small files travel in batches, never one message per file. */
const TASK_FILES = 128;
/** Fewest files per worker task, as tasks shrink towards the end so that threads end together. */
const TASK_FILES_MIN = 16;
/**
 * Beside workers, the main thread looks at its event loop after every MAIN_SLICE files once
 * MAIN_TURN_MS have passed since it last did: often enough that a worker that has finished its
 * task gets the next one without waiting long, not so often that the looks cost. A worker's
 * reply waits for that look: with 8 files and 2 ms, the worker spent 15-25% of its time waiting
 * for its next task (on a loaded machine); after every file and 1 ms, about half of that.
 */
const MAIN_SLICE = 1;
const MAIN_TURN_MS = 1;
/**
 * Beside workers, the main thread leaves a file over this size to them (it is put back for
 * them): while it matches one file it answers no worker, and a large file would keep them idle.
 */
const MAIN_MAX_BYTES = 256 * 1024;
/** Most large files (left by the main thread) per worker task. */
const LARGE_TASK_FILES = 4;

/** The size the listing does not give; 0 when it cannot be had (the reader will say why). */
function sizeOf(abs: string): number {
  try {
    return lstatSync(abs).size;
  } catch {
    return 0;
  }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * With the built-in rules (checked at build time) the main thread scans too, beside
 * `workers - 1` worker threads started once the folder is big enough for them: one thread
 * fewer to start and warm up than workers alone, and on two cores both are busy. With user
 * rules every file goes through workers, so the hard deadline can stop a stuck regex.
 */
export async function scanDirectory(root: string, options: DirectoryScanOptions): Promise<{ stats: ScanStats; results: ObjectResult[] }> {
  const started = Date.now();
  const stats: ScanStats = emptyStats();
  const results: ObjectResult[] = [];
  const files: FileEntry[] = [];
  const mainScans = !options.ruleset.userRules;
  const threads = mainScans ? options.workers - 1 : options.workers;
  let pool: TaskRunner | null = null;
  const loops: Promise<void>[] = [];
  let sizing = true;
  let sizedBytes = 0;
  let listed = false;
  // Worker loops waiting for the listing to give them a task's worth of files.
  let waiting: (() => void)[] = [];
  const wakeLoops = (): void => {
    const woken = waiting;
    waiting = [];
    for (const wake of woken) wake();
  };
  let next = 0;
  // Files the main thread left to the workers (over MAIN_MAX_BYTES), taken before the rest.
  const large: FileEntry[] = [];
  let mainScanning = mainScans;
  // Files listed since the workers were last let in.
  let sincePause = 0;

  const add = (r: ChunkResult): void => {
    results.push(...r.results);
    stats.blobs += r.objects;
    stats.bytes += r.bytes;
    stats.skipped.tooLarge += r.tooLarge;
    stats.skipped.binary += r.binary;
    stats.skipped.partial += r.partial;
    stats.skipped.unreadable += r.unreadable.length;
    stats.skipped.unreadablePaths.push(...r.unreadable);
    options.onProgress?.({ objectsDone: stats.blobs + stats.skipped.tooLarge + stats.skipped.unreadable, objectsTotal: files.length, bytesDone: stats.bytes });
  };
  const take = (count: number): FileEntry[] => {
    const taken = files.slice(next, next + count);
    next += taken.length;
    return taken;
  };
  const workerLoop = async (runner: TaskRunner, sharers: number): Promise<void> => {
    for (;;) {
      if (large.length > 0) {
        add(await runner.run({ kind: 'files', files: large.splice(0, LARGE_TASK_FILES), maxBytes: options.maxBlobBytes }));
        continue;
      }
      const left = files.length - next;
      // Full tasks while the listing goes on; then smaller ones, so that all threads end together.
      if (!listed && left < TASK_FILES) {
        await new Promise<void>((resolve) => waiting.push(resolve));
        continue;
      }
      if (left === 0) {
        // The main thread may still leave large files to the workers.
        if (mainScanning) {
          await new Promise<void>((resolve) => waiting.push(resolve));
          continue;
        }
        return;
      }
      const size = listed ? Math.min(TASK_FILES, Math.max(TASK_FILES_MIN, Math.ceil(left / (2 * sharers)))) : TASK_FILES;
      add(await runner.run({ kind: 'files', files: take(size), maxBytes: options.maxBlobBytes }));
    }
  };
  const mainLoop = async (): Promise<void> => {
    const scanner = new ObjectScanner(options.ruleset);
    const defer = pool === null ? undefined : { overBytes: MAIN_MAX_BYTES, files: large };
    let lastTurn = performance.now();
    while (next < files.length) {
      add(scanFiles(scanner, take(MAIN_SLICE), options.maxBlobBytes, undefined, defer));
      if (large.length > 0) wakeLoops();
      // Lets the replies of workers in, so they are handed their next task.
      if (pool !== null && performance.now() - lastTurn >= MAIN_TURN_MS) {
        await nextTurn();
        lastTurn = performance.now();
      }
    }
    mainScanning = false;
    wakeLoops();
    // The large files still waiting for a worker: the main thread has nothing else to do.
    while (large.length > 0) {
      add(scanFiles(scanner, large.splice(0, 1), options.maxBlobBytes));
      if (pool !== null) await nextTurn();
    }
  };
  const startPool = (runner: TaskRunner, count: number): void => {
    pool = runner;
    const sharers = count + (mainScans ? 1 : 0);
    for (let i = 0; i < count; i++) loops.push(workerLoop(runner, sharers));
  };
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
        if (sizing) {
          sizedBytes += sizeOf(file.abs);
          // Workers start as soon as the job is big enough for them, while the listing goes on.
          if (sizedBytes >= INLINE_BYTES || files.length >= INLINE_FILES) {
            sizing = false;
            const runner = threads <= 0 ? null : mainScans ? createThreadPool(null, options.ruleset, threads) : createTaskRunner(null, options.ruleset, threads);
            if (runner !== null) startPool(runner, threads);
          }
        }
      },
      pause,
    );
    listed = true;
    wakeLoops();
    if (!mainScans && pool === null) startPool(createTaskRunner(null, options.ruleset, 1), 1);
    if (mainScans) loops.push(mainLoop());
    await Promise.all(loops);
  } catch (err) {
    // Nothing more is handed out; the tasks under way end before the workers are closed.
    next = files.length;
    large.length = 0;
    throw err;
  } finally {
    listed = true;
    mainScanning = false;
    wakeLoops();
    await Promise.allSettled(loops);
    if (pool !== null) await (pool as TaskRunner).close();
  }
  stats.skipped.unreadablePaths.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  stats.durationMs = Date.now() - started;
  return { stats, results };
}
