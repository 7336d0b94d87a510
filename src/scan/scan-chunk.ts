/**
 * A unit of scan work — a run of objects in pack order, or a batch of plain files — done the
 * same way in a worker thread or inline.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import type { CatFileReader } from '../git/cat-file-reader.js';
import type { ObjectInfo } from '../git/enumerate-objects.js';
import { hasUtf16Bom, isBinary } from './is-binary.js';
import type { MatchWatch } from './match-watch.js';
import type { ObjectScanner } from './object-scanner.js';
import type { ChunkResult } from '../domain/finding.js';

export type ScanTask =
  | { kind: 'objects'; objects: ObjectInfo[] }
  /** Objects read already, their bytes one after another in `data` (each `size` long). */
  | { kind: 'blobs'; objects: ObjectInfo[]; data: Uint8Array }
  /** Plain files, sized as they are opened: one over `maxBytes` is counted, not read. */
  | { kind: 'files'; files: { abs: string; rel: string; oid: string }[]; maxBytes: number }
  /** Texts read elsewhere (S3 objects, archive members): `name` is where they came from. */
  | { kind: 'texts'; texts: { oid: string; name: string; data: Uint8Array }[] }
  /** Plain files taken one by one from a queue shared with other threads (shared-file-queue.ts). */
  | { kind: 'shared-files'; port: MessagePort; state: SharedArrayBuffer; maxBytes: number };

const UNWATCHED: MatchWatch = { start: () => undefined, done: () => undefined };

export function emptyResult(): ChunkResult {
  return { results: [], objects: 0, bytes: 0, binary: 0, tooLarge: 0, partial: 0, partialOids: [], unreadable: [] };
}

/** Scans one object after another into `out`; `watch` hears each one's index as its matching starts and ends. */
function objectStep(out: ChunkResult, scanner: ObjectScanner, watch: MatchWatch): (info: ObjectInfo, data: Buffer) => void {
  let index = 0;
  return (info, data) => {
    out.objects++;
    out.bytes += data.length;
    const type = info.type === 'tree' ? 'blob' : info.type;
    watch.start(index++, data.length);
    const result = scanner.scan(info.oid, type, data);
    watch.done();
    if (result === null) out.binary++;
    else {
      if (result.partial) {
        out.partial++;
        out.partialOids.push(info.oid);
      }
      if (result.matches.length > 0) out.results.push(result);
    }
  };
}

/** `watch` hears the index (in `objects`) of each object as its matching starts and ends. */
export async function scanObjects(reader: CatFileReader, scanner: ObjectScanner, objects: ObjectInfo[], watch = UNWATCHED): Promise<ChunkResult> {
  const out = emptyResult();
  // The reader hands the objects over in order (a missing one fails the read).
  await reader.read(objects, objectStep(out, scanner, watch));
  return out;
}

/** The objects of a 'blobs' task, cut out of its `data` by their sizes. */
export function scanBlobs(scanner: ObjectScanner, objects: ObjectInfo[], data: Uint8Array, watch = UNWATCHED): ChunkResult {
  const out = emptyResult();
  const step = objectStep(out, scanner, watch);
  // Posted across threads a Buffer arrives as a plain Uint8Array.
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let at = 0;
  for (const info of objects) {
    step(info, bytes.subarray(at, at + info.size));
    at += info.size;
  }
  return out;
}

/** One read buffer per thread, reused for every file: no allocation per file. */
let readBuffer = Buffer.allocUnsafe(1 << 20);

/**
 * The whole file, in `readBuffer` (valid until the next call: the scanner keeps no reference to
 * it); `over` when it is over `maxBytes`, `deferred` when it is over `deferBytes` (a file over
 * `deferBytes` is read no further than that). The listing does not stat files, and neither does
 * this for a file that fits the buffer (nearly all of them): it reads to the end of file, a read
 * that returns nothing, which costs less than the Stats object of an fstat (two to four
 * microseconds a file: ~3% of a scan of small files). A file that fills the buffer is sized on
 * its open descriptor before the buffer grows for it, and read no further if its start says it is
 * binary (the scanner skips binary files on their first 8,000 bytes): its size comes back, a
 * number, so that a 30 MB native module costs one buffer of reading, not 30 MB, and the buffer
 * does not grow to it. Read to the end of file, not to its size, so a file that grew since it
 * was sized is still read whole: a read that fills what it asked for is followed by another.
 */
function readWhole(path: string, maxBytes: number, deferBytes: number): Buffer | number | 'over' | 'deferred' {
  const fd = openSync(path, 'r');
  try {
    // More bytes than this settle it: over, or left to a worker.
    const limit = Math.min(maxBytes, deferBytes);
    let size = -1;
    let length = 0;
    for (;;) {
      if (length === readBuffer.length) {
        if (size < 0) {
          size = fstatSync(fd).size;
          if (size > maxBytes) return 'over';
          if (size > deferBytes) return 'deferred';
          if (!hasUtf16Bom(readBuffer) && isBinary(readBuffer)) return Math.max(size, length);
        }
        const bigger = Buffer.allocUnsafe(Math.max(size + 1, readBuffer.length * 2));
        readBuffer.copy(bigger, 0, 0, length);
        readBuffer = bigger;
      }
      const want = Math.min(readBuffer.length, limit + 1) - length;
      const n = readSync(fd, readBuffer, length, want, null);
      length += n;
      if (length > limit) {
        if (length > maxBytes) return 'over';
        if (size < 0) size = fstatSync(fd).size;
        return Math.max(size, length) > maxBytes ? 'over' : 'deferred';
      }
      // A read of a regular file that returns less than asked for has reached its end: the
      // read that would return nothing is not made (one system call of four a file, 3-4 µs:
      // ~3% of a scan of small files).
      if (n < want) return readBuffer.subarray(0, length);
    }
  } finally {
    closeSync(fd);
  }
}

export type PlainFile = { abs: string; rel: string; oid: string };

/**
 * `defer`, when given: files over `overBytes` (and within `maxBytes`) are not read but put in
 * `files`, for a thread that can take long over one file without holding others up.
 */
export function scanFiles(
  scanner: ObjectScanner,
  files: PlainFile[],
  maxBytes: number,
  watch = UNWATCHED,
  defer?: { overBytes: number; files: PlainFile[] },
): ChunkResult {
  const out = emptyResult();
  for (let index = 0; index < files.length; index++) scanFileInto(out, scanner, files[index]!, index, maxBytes, watch, defer);
  return out;
}

/**
 * Reads and scans one plain file into `out`: every file ends up counted in it (scanned, binary,
 * too large, unreadable) or, with `defer`, handed back in `defer.files`.
 */
export function scanFileInto(
  out: ChunkResult,
  scanner: ObjectScanner,
  f: PlainFile,
  index: number,
  maxBytes: number,
  watch = UNWATCHED,
  defer?: { overBytes: number; files: PlainFile[] },
): void {
  let data: Buffer | number | 'over' | 'deferred';
  try {
    data = readWhole(f.abs, maxBytes, defer ? defer.overBytes : Infinity);
  } catch (err) {
    // Permissions, an I/O error, or gone since it was listed: never scanned, so said.
    out.unreadable.push({ path: f.rel, error: (err as NodeJS.ErrnoException).code ?? 'EIO' });
    return;
  }
  if (data === 'over') {
    out.tooLarge++;
    return;
  }
  if (data === 'deferred') {
    defer!.files.push(f);
    return;
  }
  if (typeof data === 'number') {
    // Binary, known by its start: counted as the scanner would have counted it.
    out.objects++;
    out.bytes += data;
    out.binary++;
    return;
  }
  out.objects++;
  out.bytes += data.length;
  watch.start(index, data.length);
  const result = scanner.scan(f.oid, 'file', data, f.rel);
  watch.done();
  if (result === null) out.binary++;
  else {
    if (result.partial) out.partial++;
    if (result.matches.length > 0) out.results.push(result);
  }
}

export function scanTexts(scanner: ObjectScanner, texts: { oid: string; name: string; data: Uint8Array }[], watch = UNWATCHED): ChunkResult {
  const out = emptyResult();
  for (const [index, t] of texts.entries()) {
    // Posted across threads a Buffer arrives as a plain Uint8Array.
    const data = Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength);
    out.objects++;
    out.bytes += data.length;
    watch.start(index, data.length);
    const result = scanner.scan(t.oid, 'file', data, t.name);
    watch.done();
    if (result === null) out.binary++;
    else {
      if (result.partial) {
        out.partial++;
        out.partialOids.push(t.oid);
      }
      if (result.matches.length > 0) out.results.push(result);
    }
  }
  return out;
}
