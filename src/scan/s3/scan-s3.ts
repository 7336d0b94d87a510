/**
 * Scans an S3 location like a plain directory, object by object: plain objects as text,
 * archives (zip, tar, tar.gz, gzip) member by member, streamed with bounded memory. Each
 * object version is known by its key and ETag; with a store, a version read whole before is
 * not read again (its matches and its gaps come from the state). Findings name
 * `s3://bucket/key`, and `s3://bucket/key!member/path` inside archives.
 */
import { createHash } from 'node:crypto';
import type { Ruleset } from '../../detect/types.js';
import { emptyStats } from '../../domain/finding.js';
import type { ChunkResult, ObjectResult, ScanStats } from '../../domain/finding.js';
import { LeakwatchError } from '../../errors.js';
import type { ScanStore } from '../../store/types.js';
import type { ScanProgress } from '../progress.js';
import { createTaskRunner } from '../worker-pool.js';
import { MAX_ARCHIVE_DEPTH } from './archive-limits.js';
import { archiveKind, isGitBundle } from './archive-kind.js';
import type { S3ObjectEntry, S3ObjectSource } from './s3-object-source.js';
import type { S3Target } from './parse-s3-target.js';
import { ExpansionLimitError, readArchive } from './read-archive.js';
import { readBounded } from './read-bounded.js';
import { parseS3Gaps, serializeS3Gaps } from './s3-scan-gaps.js';
import type { ObjectGaps, S3Gaps } from './s3-scan-gaps.js';
import { TextBatcher } from './text-batcher.js';


export interface S3ScanOptions {
  source: S3ObjectSource;
  ruleset: Ruleset;
  maxBlobBytes: number;
  /** Decompressed bytes one object may expand to, nested archives included. */
  maxArchiveBytes: number;
  workers: number;
  store: ScanStore | null;
  onProgress?: (p: ScanProgress) => void;
  /**
   * Runs inside the store transaction that saves the scan, with every match the location holds
   * now (kept and new): the daemon records findings and queues their response there, so a kill
   * can neither lose nor repeat the hand-off.
   */
  withinSave?: (results: ObjectResult[]) => void;
}

/** The state's id of one object version: hex, as the store packs ids. */
function versionId(entry: S3ObjectEntry): string {
  return createHash('sha256').update(`${entry.key}\0${entry.etag}`).digest('hex');
}

function errorCode(err: unknown): string {
  const name = (err as { name?: string; code?: string }).code ?? (err as { name?: string }).name ?? 'Error';
  return name.replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 60) || 'Error';
}

async function listAll(source: S3ObjectSource, target: S3Target): Promise<S3ObjectEntry[]> {
  const entries: S3ObjectEntry[] = [];
  try {
    for await (const e of source.list(target.bucket, target.prefix)) entries.push(e);
  } catch (err) {
    throw new LeakwatchError('aws', `cannot list ${target.display}: ${errorCode(err)}: ${(err as Error).message.split('\n')[0]} (scanning needs s3:ListBucket and s3:GetObject)`, { cause: err });
  }
  return entries;
}

export async function scanS3(target: S3Target, options: S3ScanOptions): Promise<{ stats: ScanStats; results: ObjectResult[] }> {
  const started = Date.now();
  const stats = emptyStats();
  const optionsKey = `s3;max-blob=${options.maxBlobBytes};max-archive=${options.maxArchiveBytes};depth=${MAX_ARCHIVE_DEPTH}`;
  const state = options.store?.openTarget(`s3:${target.display}`, options.ruleset.hash) ?? null;
  const sameOptions = state !== null && state.optionsKey === optionsKey;
  const scanned = state && sameOptions ? options.store!.scannedObjects(state.id) : new Set<string>();
  const previousGaps = sameOptions ? parseS3Gaps(state.gaps) : {};

  const entries = await listAll(options.source, target);
  const current = new Map(entries.map((e) => [versionId(e), e]));
  const toRead = entries.filter((e) => e.etag === '' || !scanned.has(versionId(e)));
  const totalBytes = toRead.reduce((n, e) => n + e.size, 0);
  stats.cachedObjects = entries.length - toRead.length;

  const gaps: S3Gaps = {};
  for (const [id, g] of Object.entries(previousGaps)) if (current.has(id) && scanned.has(id)) gaps[id] = g;
  const newResults: ObjectResult[] = [];
  const cutShort = new Set<string>();
  const runner = createTaskRunner(null, options.ruleset, totalBytes < 4 * 1024 * 1024 ? 1 : options.workers);
  const batcher = new TextBatcher(runner, Math.max(2, options.workers * 2), (r: ChunkResult) => {
    newResults.push(...r.results);
    stats.blobs += r.objects;
    stats.bytes += r.bytes;
    stats.skipped.binary += r.binary;
    stats.skipped.partial += r.partial;
    for (const oid of r.partialOids) cutShort.add(oid.slice(0, 64));
  });
  const readWhole: string[] = [];
  let done = 0;
  let doneBytes = 0;
  try {
    for (const entry of toRead) {
      const id = versionId(entry);
      const name = `s3://${target.bucket}/${entry.key}`;
      const own: ObjectGaps = { tooLarge: [], unreadable: [] };
      const ok = await readObject(target.bucket, entry, id, name, own, batcher, options);
      if (own.tooLarge.length > 0 || own.unreadable.length > 0) gaps[id] = own;
      if (ok) readWhole.push(id);
      options.onProgress?.({ objectsDone: ++done, objectsTotal: toRead.length, bytesDone: (doneBytes += entry.size), bytesTotal: totalBytes });
    }
    await batcher.drain();
  } finally {
    await runner.close();
  }

  for (const [id, g] of Object.entries(gaps)) {
    if (!current.has(id)) continue;
    stats.skipped.tooLarge += g.tooLarge.length;
    stats.skipped.unreadable += g.unreadable.length;
    stats.skipped.unreadablePaths.push(...g.unreadable, ...g.tooLarge.map((path) => ({ path, error: 'TOO_LARGE' })));
  }
  stats.skipped.unreadablePaths.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (stats.skipped.tooLarge + stats.skipped.unreadable > 0) stats.incomplete = { reasons: ['unread-objects'] };

  // Matches of unchanged objects come from the state; objects read now replace theirs.
  const readNow = new Set(toRead.map(versionId));
  const kept = state ? options.store!.loadResults(state.id).results.filter((r) => current.has(r.oid.slice(0, 64)) && !readNow.has(r.oid.slice(0, 64))) : [];
  if (state) {
    options.store!.saveScan(state.id, {
      // An object with a text cut short by the time budget is read again next run.
      scanned: readWhole.filter((id) => !cutShort.has(id)),
      results: newResults,
      introductions: [],
      storeFingerprint: null,
      optionsKey,
      gaps: serializeS3Gaps(gaps),
    }, options.withinSave === undefined ? undefined : () => options.withinSave!([...kept, ...newResults]));
  }
  stats.durationMs = Date.now() - started;
  return { stats, results: [...kept, ...newResults] };
}

/**
 * Reads one object into the batcher. Returns false when it could not be read at all (a failed
 * GetObject): then it is not recorded as scanned, and the next run tries again.
 */
async function readObject(bucket: string, entry: S3ObjectEntry, id: string, name: string, gaps: ObjectGaps, batcher: TextBatcher, options: S3ScanOptions): Promise<boolean> {
  if (isGitBundle(entry.key)) {
    gaps.unreadable.push({ path: name, error: 'GIT_BUNDLE_NOT_SCANNED' });
    return true;
  }
  const kind = archiveKind(entry.key);
  if (kind === null && entry.size > options.maxBlobBytes) {
    gaps.tooLarge.push(name);
    return true;
  }
  let body;
  try {
    body = (await options.source.get(bucket, entry.key)).body;
  } catch (err) {
    gaps.unreadable.push({ path: name, error: errorCode(err) });
    return false;
  }
  if (kind === null) {
    let data: Buffer | null;
    try {
      data = await readBounded(body, options.maxBlobBytes);
    } catch (err) {
      gaps.unreadable.push({ path: name, error: errorCode(err) });
      return false;
    }
    if (data === null) gaps.tooLarge.push(name);
    else await batcher.add(id, name, data);
    return true;
  }
  let member = 0;
  const limits = { maxMemberBytes: options.maxBlobBytes, budget: { remaining: options.maxArchiveBytes }, maxDepth: MAX_ARCHIVE_DEPTH };
  try {
    await readArchive(body, kind, name, limits, {
      text: (memberName, data) => batcher.add(`${id}#${member++}`, memberName, data),
      tooLarge: (memberName) => gaps.tooLarge.push(memberName),
      unreadable: (memberName, error) => gaps.unreadable.push({ path: memberName, error }),
    });
  } catch (err) {
    // What was read before the failure is scanned; the rest of the object is said to be unread.
    gaps.unreadable.push({ path: name, error: err instanceof ExpansionLimitError ? 'EXPANSION_LIMIT' : `DAMAGED_ARCHIVE:${errorCode(err)}` });
  }
  return true;
}
