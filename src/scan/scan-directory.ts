/**
 * Scans a plain directory's files as they are (no history), like `gitleaks dir`: every
 * regular file below it except VCS folders and leakwatch's own state, symlinks not followed.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Ruleset } from '../detect/types.js';
import { planChunks } from './plan-chunks.js';
import type { ScanProgress } from './progress.js';
import { emptyStats } from '../domain/finding.js';
import type { ObjectResult, ScanStats } from '../domain/finding.js';
import { createTaskRunner } from './worker-pool.js';

const SKIP_DIRS = new Set(['.git', '.hg', '.svn', '.leakwatch']);

interface FileEntry {
  abs: string;
  rel: string;
  oid: string;
  size: number;
}

function walk(root: string, maxBytes: number, skipAbs: Set<string>, stats: ScanStats): FileEntry[] {
  const files: FileEntry[] = [];
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
        files.push({ abs, rel, oid: rel, size: st.size });
      }
    }
  }
  return files;
}

export interface DirectoryScanOptions {
  ruleset: Ruleset;
  maxBlobBytes: number;
  workers: number;
  /** Absolute folders to leave out (e.g. the state directory when it lies inside). */
  exclude?: string[];
  onProgress?: (p: ScanProgress) => void;
}

export async function scanDirectory(root: string, options: DirectoryScanOptions): Promise<{ stats: ScanStats; results: ObjectResult[] }> {
  const started = Date.now();
  const stats: ScanStats = emptyStats();
  const files = walk(root, options.maxBlobBytes, new Set(options.exclude ?? []), stats);
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  const chunks = planChunks(files, 512);
  const runner = createTaskRunner(null, options.ruleset, totalBytes < 4 * 1024 * 1024 ? 1 : options.workers);
  const results: ObjectResult[] = [];
  try {
    await Promise.all(
      chunks.map(async (chunk) => {
        const r = await runner.run({ kind: 'files', files: chunk.map(({ abs, rel, oid }) => ({ abs, rel, oid })) });
        results.push(...r.results);
        stats.blobs += r.objects;
        stats.bytes += r.bytes;
        stats.skipped.binary += r.binary;
        stats.skipped.partial += r.partial;
        stats.skipped.unreadable += r.unreadable.length;
        stats.skipped.unreadablePaths.push(...r.unreadable);
        options.onProgress?.({ objectsDone: stats.blobs, objectsTotal: files.length, bytesDone: stats.bytes, bytesTotal: totalBytes });
      }),
    );
  } finally {
    await runner.close();
  }
  stats.skipped.unreadablePaths.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  stats.durationMs = Date.now() - started;
  return { stats, results };
}
