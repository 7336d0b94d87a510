/**
 * The history scan: list the object store, scan every blob, commit and tag not scanned
 * before under this ruleset (dangling ones too), then attribute matches to the commits that
 * introduced them with one pass over the new history, and record it all in one transaction.
 */
import type { Ruleset } from '../detect/types.js';
import { enumerateObjects } from '../git/enumerate-objects.js';
import type { ObjectInfo } from '../git/enumerate-objects.js';
import { objectStoreFingerprint, packedBytes } from '../git/object-store-fingerprint.js';
import { runGit } from '../git/run-git.js';
import { resolveSince } from '../git/resolve-since.js';
import { toIntroduction, walkIntroductions } from '../git/walk-introductions.js';
import type { Introduction } from '../domain/introduction.js';
import type { ScanStore } from '../store/types.js';
import { CHUNK_BYTES, CHUNK_ITEMS, planChunks } from './plan-chunks.js';
import { prefetchIntroductions } from './prefetch-introductions.js';
import type { IntroductionPrefetch } from './prefetch-introductions.js';
import type { ScanProgress } from './progress.js';
import type { ObjectResult, ScanStats } from '../domain/finding.js';
import { createTaskRunner } from './worker-pool.js';
import type { TaskRunner } from './worker-pool.js';

export interface RepositoryScanOptions {
  ruleset: Ruleset;
  /** Incremental state; null scans everything and remembers nothing. */
  store: ScanStore | null;
  targetKey: string;
  maxBlobBytes: number;
  workers: number;
  /** Only what commits after this revision introduced (no state is used). */
  since?: string;
  onProgress?: (p: ScanProgress) => void;
  /**
   * Runs inside the transaction that saves the scan, with everything the state now holds,
   * so what a caller derives from it (the daemon's findings) is committed with it or not at all.
   */
  withinSave?: (results: ObjectResult[], introductions: Introduction[]) => void;
}

export interface RepositoryScan {
  stats: ScanStats;
  results: ObjectResult[];
  introductions: Introduction[];
}

async function objectsSince(gitDir: string, since: string): Promise<{ commits: Set<string>; blobs: Set<string> }> {
  const base = await resolveSince(gitDir, since);
  const commits = (await runGit(gitDir, ['rev-list', '--all', '--reflog', `^${base}`])).split('\n').filter(Boolean);
  const blobs = new Set<string>();
  await walkIntroductions(gitDir, commits, null, (oid) => blobs.add(oid));
  return { commits: new Set(commits), blobs };
}

export async function scanRepository(gitDir: string, options: RepositoryScanOptions): Promise<RepositoryScan> {
  const started = Date.now();
  const stats: ScanStats = { commits: 0, blobs: 0, bytes: 0, durationMs: 0, cachedObjects: 0, skipped: { tooLarge: 0, binary: 0, partial: 0 } };
  const store = options.since ? null : options.store;
  const target = store?.openTarget(options.targetKey, options.ruleset.hash) ?? null;
  const fingerprint = objectStoreFingerprint(gitDir);

  if (store && target && target.storeFingerprint === fingerprint) {
    stats.cachedObjects = store.scannedCount(target.id);
    stats.durationMs = Date.now() - started;
    return { stats, ...store.loadResults(target.id) };
  }

  const scanned = store && target ? store.scannedObjects(target.id) : new Set<string>();
  // A first scan of a big store: start the worker threads now, while the objects are listed.
  let runner: TaskRunner | null =
    scanned.size === 0 && options.workers > 1 && packedBytes(gitDir) > 4 * 1024 * 1024
      ? createTaskRunner(gitDir, options.ruleset, options.workers)
      : null;
  const toScan: ObjectInfo[] = [];
  const newCommits: string[] = [];
  const results: ObjectResult[] = [];
  let prefetch: IntroductionPrefetch | null = null;
  let totalBytes = 0;
  const phases = { enumerateMs: 0, scanMs: 0, attributeMs: 0, saveMs: 0 };
  // Chunks go to the workers while the objects are still being listed, when they run already.
  const tasks: Promise<void>[] = [];
  let pending: ObjectInfo[] = [];
  let pendingBytes = 0;
  const runChunk = (pool: TaskRunner, objects: ObjectInfo[]): void => {
    const task = pool.run({ kind: 'objects', objects }).then((r) => {
      results.push(...r.results);
      stats.bytes += r.bytes;
      stats.skipped.binary += r.binary;
      stats.skipped.partial += r.partial;
      for (const o of objects) {
        if (o.type === 'blob') stats.blobs++;
        else if (o.type === 'commit') stats.commits++;
      }
      options.onProgress?.({ objectsDone: stats.blobs + stats.commits, objectsTotal: toScan.length, bytesDone: stats.bytes, bytesTotal: totalBytes });
    });
    task.catch(() => undefined); // awaited below; this only keeps an early failure from being unhandled
    tasks.push(task);
  };
  try {
    const scope = options.since ? await objectsSince(gitDir, options.since) : null;
    await enumerateObjects(gitDir, (o) => {
      if (o.type === 'tree') return;
      if (scanned.has(o.oid)) {
        stats.cachedObjects++;
        return;
      }
      if (scope && !(o.type === 'blob' ? scope.blobs.has(o.oid) : scope.commits.has(o.oid))) return;
      if (o.type === 'blob' && o.size > options.maxBlobBytes) {
        stats.skipped.tooLarge++;
        return;
      }
      if (o.type === 'commit') newCommits.push(o.oid);
      toScan.push(o);
      totalBytes += o.size;
      if (!runner) return;
      pending.push(o);
      pendingBytes += o.size;
      if (pending.length >= CHUNK_ITEMS || pendingBytes >= CHUNK_BYTES) {
        runChunk(runner, pending);
        pending = [];
        pendingBytes = 0;
      }
    });
    phases.enumerateMs = Date.now() - started;
    prefetch = newCommits.length > 0 ? prefetchIntroductions(gitDir, newCommits) : null;
    if (runner) {
      if (pending.length > 0) runChunk(runner, pending);
    } else {
      const pool = createTaskRunner(gitDir, options.ruleset, totalBytes < 4 * 1024 * 1024 ? 1 : options.workers);
      runner = pool;
      for (const objects of planChunks(toScan)) runChunk(pool, objects);
    }
    await Promise.all(tasks);
  } catch (err) {
    prefetch?.cancel();
    throw err;
  } finally {
    await runner?.close();
  }

  phases.scanMs = Date.now() - started - phases.enumerateMs;
  // Attribute every blob with matches, old or new, within the commits not walked before.
  const interest = new Set(results.filter((r) => r.type === 'blob').map((r) => r.oid));
  if (store && target) for (const r of store.loadResults(target.id).results) if (r.type === 'blob') interest.add(r.oid);
  const introductions: Introduction[] = [];
  if (interest.size > 0 && newCommits.length > 0) {
    const all = await prefetch!.result;
    if (all) {
      all.select(interest, (oid, path, commit) => introductions.push(toIntroduction(oid, path, commit)));
    } else {
      await walkIntroductions(gitDir, newCommits, interest, (oid, path, commit) => introductions.push(toIntroduction(oid, path, commit)));
    }
  } else {
    prefetch?.cancel();
  }
  phases.attributeMs = Date.now() - started - phases.enumerateMs - phases.scanMs;
  stats.phases = phases;
  if (store && target) {
    const within = options.withinSave;
    store.saveScan(
      target.id,
      { scanned: toScan.map((o) => o.oid), results, introductions, storeFingerprint: fingerprint },
      within ? () => {
        const saved = store.loadResults(target.id);
        within(saved.results, saved.introductions);
      } : undefined,
    );
    phases.saveMs = Date.now() - started - phases.enumerateMs - phases.scanMs - phases.attributeMs;
  }
  stats.durationMs = Date.now() - started;
  return store && target ? { stats, ...store.loadResults(target.id) } : { stats, results, introductions };
}
