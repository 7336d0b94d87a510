/**
 * Scans a plain directory's files as they are (no history), like `gitleaks dir`: every
 * regular file below it except VCS folders and leakwatch's own state, symlinks not followed.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Ruleset } from '../detect/types.js';
import { CHUNK_BYTES, planChunks } from './plan-chunks.js';
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
  size: number;
}

/**
 * Lists the files below `root` depth first, in name order, handing each to `onFile` as it is
 * found, so the scan of the first files overlaps the listing of the rest.
 */
function walk(root: string, maxBytes: number, skipAbs: Set<string>, stats: ScanStats, onFile: (file: FileEntry) => void): void {
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (err) {
      // A folder we may not list: everything below it goes unscanned, so it is counted and named.
      stats.skipped.unreadable++;
      stats.skipped.unreadablePaths.push({ path: relative(root, dir).split(sep).join('/') || '.', error: (err as NodeJS.ErrnoException).code ?? 'EIO' });
      continue;
    }
    for (const name of names.sort()) {
      const abs = join(dir, name);
      let st;
      try {
        st = lstatSync(abs, { throwIfNoEntry: false });
      } catch (err) {
        // A folder we may list but not enter (read without search permission).
        stats.skipped.unreadable++;
        stats.skipped.unreadablePaths.push({ path: relative(root, abs).split(sep).join('/'), error: (err as NodeJS.ErrnoException).code ?? 'EIO' });
        continue;
      }
      if (!st || st.isSymbolicLink()) continue;
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name) && !skipAbs.has(abs)) stack.push(abs);
      } else if (st.isFile()) {
        if (st.size > maxBytes) {
          stats.skipped.tooLarge++;
          continue;
        }
        const rel = relative(root, abs).split(sep).join('/');
        onFile({ abs, rel, oid: rel, size: st.size });
      }
    }
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

/** Below this many bytes a directory is scanned inline: starting workers would cost more. */
const INLINE_BYTES = 4 * 1024 * 1024;
/** Files per task: small files travel to a worker in batches, never one message per file. */
const TASK_FILES = 512;

export async function scanDirectory(root: string, options: DirectoryScanOptions): Promise<{ stats: ScanStats; results: ObjectResult[] }> {
  const started = Date.now();
  const stats: ScanStats = emptyStats();
  const results: ObjectResult[] = [];
  let runner: TaskRunner | null = null;
  const running: Promise<void>[] = [];
  let fileCount = 0;
  let totalBytes = 0;
  let batch: FileEntry[] = [];
  let batchBytes = 0;

  const runTask = async (files: FileEntry[]): Promise<void> => {
    const r = await runner!.run({ kind: 'files', files: files.map(({ abs, rel, oid }) => ({ abs, rel, oid })) });
    results.push(...r.results);
    stats.blobs += r.objects;
    stats.bytes += r.bytes;
    stats.skipped.binary += r.binary;
    stats.skipped.partial += r.partial;
    stats.skipped.unreadable += r.unreadable.length;
    stats.skipped.unreadablePaths.push(...r.unreadable);
    options.onProgress?.({ objectsDone: stats.blobs, objectsTotal: fileCount, bytesDone: stats.bytes, bytesTotal: totalBytes });
  };
  const flush = (): void => {
    for (const chunk of planChunks(batch, TASK_FILES)) running.push(runTask(chunk));
    batch = [];
    batchBytes = 0;
  };

  try {
    walk(root, options.maxBlobBytes, new Set(options.exclude ?? []), stats, (file) => {
      fileCount++;
      totalBytes += file.size;
      batch.push(file);
      batchBytes += file.size;
      // Workers start as soon as the job is big enough for them, while the listing goes on.
      if (runner === null && totalBytes >= INLINE_BYTES) runner = createTaskRunner(null, options.ruleset, options.workers);
      if (runner !== null && (batch.length >= TASK_FILES || batchBytes >= CHUNK_BYTES)) flush();
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
