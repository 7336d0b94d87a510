/**
 * Scans a plain directory's files as they are (no history), like `gitleaks dir`: every
 * regular file below it except VCS folders and leakwatch's own state, symlinks not followed.
 */
import { lstatSync, readdirSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { join } from 'node:path';
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
 * found, so the scan of the first files overlaps the listing of the rest. Entry types come from
 * the listing itself (symlinks are not followed); only regular files are stat'ed, for their size.
 */
function walk(root: string, maxBytes: number, skipAbs: Set<string>, stats: ScanStats, onFile: (file: FileEntry) => void): void {
  // Each folder with its path relative to the root, '/'-separated, '' for the root.
  const stack: [string, string][] = [[root, '']];
  const unreadable = (rel: string, err: unknown): void => {
    stats.skipped.unreadable++;
    stats.skipped.unreadablePaths.push({ path: rel || '.', error: (err as NodeJS.ErrnoException).code ?? 'EIO' });
  };
  while (stack.length > 0) {
    const [dir, relDir] = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      // A folder we may not list (or list but not enter): everything below it goes unscanned,
      // so it is counted and named.
      unreadable(relDir, err);
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
        let size: number;
        try {
          size = lstatSync(abs).size;
        } catch (err) {
          // Gone since it was listed, or in a folder we may list but not search.
          unreadable(rel, err);
          continue;
        }
        if (size > maxBytes) {
          stats.skipped.tooLarge++;
          continue;
        }
        onFile({ abs, rel, oid: rel, size });
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
