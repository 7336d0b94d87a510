/**
 * The history scan: list the object store, scan every blob, commit and tag not scanned
 * before under this ruleset (dangling ones too), then attribute matches to the commits that
 * introduced them with one pass over the new history, and record it all in one transaction.
 */
import type { Ruleset } from '../detect/types.js';
import { BlobPrefixSet } from '../git/blob-prefix-set.js';
import { detectIncomplete } from '../git/detect-incomplete.js';
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
import { applyGaps, GapCollector, parseGaps, withoutAbsent } from './scan-gaps.js';
import type { ScanGaps } from './scan-gaps.js';
import { emptyStats } from '../domain/finding.js';
import type { ObjectResult, ScanStats } from '../domain/finding.js';
import { optionsKeyOf } from './scan-options-key.js';
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
  /**
   * With a store: what the state now saved answers a rerun with, as long as the object store
   * keeps this fingerprint and the options this key (report-cache.ts keeps the report of it).
   * Absent when the next run must read objects again (a blob cut short, no store).
   */
  rerun?: RerunState;
}

export interface RerunState {
  fingerprint: string;
  optionsKey: string;
  cachedObjects: number;
  gaps: ScanGaps;
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
  const stats: ScanStats = emptyStats();
  const clone = detectIncomplete(gitDir);
  const store = options.since ? null : options.store;
  const target = store?.openTarget(options.targetKey, options.ruleset.hash) ?? null;
  const fingerprint = objectStoreFingerprint(gitDir);
  const optionsKey = optionsKeyOf(options);
  const previous = parseGaps(target?.gaps);

  if (store && target && target.storeFingerprint === fingerprint && target.optionsKey === optionsKey) {
    stats.cachedObjects = store.scannedCount(target.id);
    applyGaps(stats, previous, clone);
    stats.durationMs = Date.now() - started;
    const rerun = { fingerprint, optionsKey, cachedObjects: stats.cachedObjects, gaps: previous };
    return { stats, ...withoutAbsent(store.loadResults(target.id), previous.absent), rerun };
  }

  // What the state already holds: attributed again below, and checked against the store.
  const stored = store && target ? store.loadResults(target.id) : { results: [], introductions: [] };
  const watched = new Set<string>();
  for (const r of stored.results) watched.add(r.oid);
  for (const i of stored.introductions) watched.add(i.commit);
  const seen = new Set<string>();
  const present = new BlobPrefixSet();
  const gaps = new GapCollector();
  const partialOids = new Set<string>();
  const scanned = store && target ? store.scannedObjects(target.id) : new Set<string>();
  // A first scan of a big store: start the worker threads now, while the objects are listed.
  let runner: TaskRunner | null =
    scanned.size === 0 && options.workers > 1 && packedBytes(gitDir) > 4 * 1024 * 1024
      ? createTaskRunner(gitDir, options.ruleset, options.workers)
      : null;
  const toScan: ObjectInfo[] = [];
  const newCommits: string[] = [];
  /** Commits walked by earlier runs: walked again only for a blob read now that one of them introduced. */
  const oldCommits: string[] = [];
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
      for (const oid of r.partialOids) partialOids.add(oid);
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
      if (o.type === 'blob') present.add(o.oid);
      if (watched.size > 0 && watched.has(o.oid)) seen.add(o.oid);
      if (scanned.has(o.oid)) {
        stats.cachedObjects++;
        if (o.type === 'commit') oldCommits.push(o.oid);
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
    // The walk also checks that every blob history names is here, and notes the submodules.
    prefetch = newCommits.length > 0 ? prefetchIntroductions(gitDir, newCommits, undefined, { present, onMissing: gaps.onMissing, onGitlink: gaps.onGitlink }) : null;
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
  for (const r of stored.results) if (r.type === 'blob') interest.add(r.oid);
  const introductions: Introduction[] = [];
  if (interest.size > 0 && newCommits.length > 0) {
    const all = await prefetch!.result;
    if (all) {
      all.select(interest, (oid, path, commit) => introductions.push(toIntroduction(oid, path, commit)));
    } else {
      await walkIntroductions(gitDir, newCommits, interest, (oid, path, commit) => introductions.push(toIntroduction(oid, path, commit)));
    }
  }
  // Not "clean" until the walk has checked every entry: a failure here is the scan's.
  await prefetch?.checked;
  // A blob read only now (a larger --max-blob-bytes, read whole after being cut short, fetched
  // after being missing) may have entered history in commits an earlier run walked.
  const attributed = new Set(introductions.map((i) => i.oid));
  const late = new Set(results.filter((r) => r.type === 'blob' && !attributed.has(r.oid)).map((r) => r.oid));
  if (late.size > 0 && oldCommits.length > 0) {
    await walkIntroductions(gitDir, oldCommits, late, (oid, path, commit) => introductions.push(toIntroduction(oid, path, commit)));
  }
  const merged = gaps.merge(previous, (oid) => !present.has(oid));
  const saved: ScanGaps = {
    tooLarge: stats.skipped.tooLarge,
    partial: stats.skipped.partial,
    ...merged,
    absent: [...watched].filter((oid) => !seen.has(oid)),
  };
  applyGaps(stats, saved, clone);
  phases.attributeMs = Date.now() - started - phases.enumerateMs - phases.scanMs;
  stats.phases = phases;
  if (store && target) {
    const within = options.withinSave;
    store.saveScan(
      target.id,
      {
        // Blobs cut short by the time budget stay unscanned, and keep the next run off the fast path.
        scanned: partialOids.size > 0 ? toScan.filter((o) => !partialOids.has(o.oid)).map((o) => o.oid) : toScan.map((o) => o.oid),
        results,
        introductions,
        storeFingerprint: partialOids.size > 0 ? null : fingerprint,
        optionsKey,
        gaps: JSON.stringify(saved),
      },
      within ? () => {
        const now = withoutAbsent(store.loadResults(target.id), saved.absent);
        within(now.results, now.introductions);
      } : undefined,
    );
    phases.saveMs = Date.now() - started - phases.enumerateMs - phases.scanMs - phases.attributeMs;
  }
  stats.durationMs = Date.now() - started;
  if (!store || !target) return { stats, results, introductions };
  const rerun = partialOids.size > 0 ? undefined : { fingerprint, optionsKey, cachedObjects: store.scannedCount(target.id), gaps: saved };
  return { stats, ...withoutAbsent(store.loadResults(target.id), saved.absent), ...(rerun ? { rerun } : {}) };
}
