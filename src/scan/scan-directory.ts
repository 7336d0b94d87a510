/**
 * Scans a plain directory's files as they are (no history), like `gitleaks dir`: every
 * regular file below it except VCS folders and leakwatch's own state, symlinks not followed.
 */
import { lstatSync, readdirSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { join } from 'node:path';
import type { Ruleset } from '../detect/types.js';
import type { ScanProgress } from './progress.js';
import { emptyStats } from '../domain/finding.js';
import type { ObjectResult, ScanStats } from '../domain/finding.js';
import { createTaskRunner } from './worker-pool.js';
import type { TaskRunner } from './worker-pool.js';

const SKIP_DIRS = new Set(['.git', '.hg', '.svn', '.leakwatch']);

interface FileEntry {
  abs: string;
  rel: string;
  oid: string;
}

/**
 * Lists the files below `root` depth first, in name order, handing each to `onFile` as it is
 * found, so the scan of the first files overlaps the listing of the rest. Entry types come from
 * the listing itself (symlinks are not followed); nothing is stat'ed here: the reader sizes each
 * file on its open descriptor (scan-chunk.ts), one system call fewer per file.
 */
function walk(root: string, skipAbs: Set<string>, stats: ScanStats, onFile: (file: FileEntry) => void): void {
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
 * Below this many bytes a directory is scanned inline: starting workers would cost more. Files
 * are sized (lstat) only until the choice is made; past INLINE_FILES files workers pay anyway.
 */
const INLINE_BYTES = 4 * 1024 * 1024;
const INLINE_FILES = 1024;
/** Files per task: small files travel to a worker in batches, never one message per file. */
const TASK_FILES = 128;

/** The size the listing does not give; 0 when it cannot be had (the reader will say why). */
function sizeOf(abs: string): number {
  try {
    return lstatSync(abs).size;
  } catch {
    return 0;
  }
}

export async function scanDirectory(root: string, options: DirectoryScanOptions): Promise<{ stats: ScanStats; results: ObjectResult[] }> {
  const started = Date.now();
  const stats: ScanStats = emptyStats();
  const results: ObjectResult[] = [];
  let runner: TaskRunner | null = null;
  const running: Promise<void>[] = [];
  let fileCount = 0;
  let sizedBytes = 0;
  let batch: FileEntry[] = [];

  const runTask = async (files: FileEntry[]): Promise<void> => {
    const r = await runner!.run({ kind: 'files', files, maxBytes: options.maxBlobBytes });
    results.push(...r.results);
    stats.blobs += r.objects;
    stats.bytes += r.bytes;
    stats.skipped.tooLarge += r.tooLarge;
    stats.skipped.binary += r.binary;
    stats.skipped.partial += r.partial;
    stats.skipped.unreadable += r.unreadable.length;
    stats.skipped.unreadablePaths.push(...r.unreadable);
    options.onProgress?.({ objectsDone: stats.blobs + stats.skipped.tooLarge + stats.skipped.unreadable, objectsTotal: fileCount, bytesDone: stats.bytes });
  };
  const flush = (): void => {
    for (let i = 0; i < batch.length; i += TASK_FILES) running.push(runTask(batch.slice(i, i + TASK_FILES)));
    batch = [];
  };

  try {
    walk(root, new Set(options.exclude ?? []), stats, (file) => {
      fileCount++;
      batch.push(file);
      if (runner === null) {
        sizedBytes += sizeOf(file.abs);
        // Workers start as soon as the job is big enough for them, while the listing goes on.
        if (sizedBytes >= INLINE_BYTES || fileCount >= INLINE_FILES) runner = createTaskRunner(null, options.ruleset, options.workers);
      }
      if (runner !== null && batch.length >= TASK_FILES) flush();
    });
    runner ??= createTaskRunner(null, options.ruleset, 1);
    flush();
    await Promise.all(running);
  } finally {
    await Promise.allSettled(running);
    if (runner !== null) await (runner as TaskRunner).close();
  }
  stats.skipped.unreadablePaths.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  stats.durationMs = Date.now() - started;
  return { stats, results };
}
