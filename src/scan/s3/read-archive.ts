/**
 * Streams the members of a zip, tar, tar.gz or gzip archive to a sink, with bounded memory
 * whatever the archive holds: a member is held whole only up to the member limit (larger ones
 * are drained and reported), every decompressed byte counts against one expansion budget shared
 * by an object and all archives nested in it (a zip bomb stops there, reported), and nesting
 * deeper than the depth limit is reported instead of opened.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import * as tar from 'tar-stream';
import unzipper from 'unzipper';
import { archiveKind } from './archive-kind.js';
import type { ArchiveKind } from './archive-kind.js';

export interface ArchiveLimits {
  maxMemberBytes: number;
  /** Decompressed bytes still allowed for this object (shared with nested archives). */
  budget: { remaining: number };
  /** Archives inside archives are opened this many levels deep. */
  maxDepth: number;
}

export interface ArchiveSink {
  /** A member read whole (awaited, so a slow scanner slows the read down). */
  text(name: string, data: Buffer): Promise<void>;
  tooLarge(name: string): void;
  unreadable(name: string, error: string): void;
}

/** The expansion budget ran out: the rest of the object is not read. */
export class ExpansionLimitError extends Error {
  constructor() {
    super('archive expands past the limit');
  }
}

/** Reads one member: whole when it fits, else drained (still counted against the budget). */
async function readMember(entry: AsyncIterable<Buffer>, limits: ArchiveLimits): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of entry) {
    limits.budget.remaining -= chunk.length;
    if (limits.budget.remaining < 0) throw new ExpansionLimitError();
    size += chunk.length;
    if (size <= limits.maxMemberBytes) chunks.push(chunk);
    else chunks.length = 0;
  }
  return size <= limits.maxMemberBytes ? Buffer.concat(chunks, size) : null;
}

async function handleMember(name: string, entry: AsyncIterable<Buffer>, depth: number, limits: ArchiveLimits, sink: ArchiveSink): Promise<void> {
  const data = await readMember(entry, limits);
  if (data === null) {
    sink.tooLarge(name);
    return;
  }
  const nested = archiveKind(name);
  if (nested === null) {
    await sink.text(name, data);
    return;
  }
  if (depth >= limits.maxDepth) {
    sink.unreadable(name, 'NESTED_TOO_DEEP');
    return;
  }
  await readArchive(Readable.from([data]), nested, name, limits, sink, depth + 1);
}

async function readTar(source: Readable, gzipped: boolean, name: string, limits: ArchiveLimits, sink: ArchiveSink, depth: number): Promise<void> {
  const extract = tar.extract();
  const feeding = pipeline(gzipped ? [source, createGunzip(), extract] : [source, extract]).catch((err: unknown) => err);
  for await (const entry of extract) {
    const type = entry.header.type;
    if (type === 'file' || type === 'contiguous-file') await handleMember(`${name}!${entry.header.name}`, entry as AsyncIterable<Buffer>, depth, limits, sink);
    else entry.resume();
  }
  const failed = await feeding;
  if (failed) throw failed;
}

async function readZip(source: Readable, name: string, limits: ArchiveLimits, sink: ArchiveSink, depth: number): Promise<void> {
  const zip = source.pipe(unzipper.Parse({ forceStream: true }));
  source.once('error', (err) => zip.destroy(err));
  for await (const raw of zip) {
    const entry = raw as unzipper.Entry;
    if (entry.type === 'File') await handleMember(`${name}!${entry.path}`, entry, depth, limits, sink);
    else entry.autodrain();
  }
}

async function readGzip(source: Readable, name: string, limits: ArchiveLimits, sink: ArchiveSink, depth: number): Promise<void> {
  const gunzip = createGunzip();
  source.once('error', (err) => gunzip.destroy(err));
  // Its one member is named after the file, as gunzip would name it: `x.js.gz!x.js`.
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('!')) + 1);
  await handleMember(`${name}!${base.replace(/\.gz$/i, '')}`, source.pipe(gunzip), depth, limits, sink);
}

/**
 * Reads `source` as an archive of `kind`; `name` prefixes each member's name
 * (`s3://bucket/key!member/path`). Throws ExpansionLimitError when the budget runs out, and
 * the format's own error for a damaged archive; the caller reports either for the object.
 */
export async function readArchive(source: Readable, kind: ArchiveKind, name: string, limits: ArchiveLimits, sink: ArchiveSink, depth = 1): Promise<void> {
  try {
    if (kind === 'zip') await readZip(source, name, limits, sink, depth);
    else if (kind === 'gz') await readGzip(source, name, limits, sink, depth);
    else await readTar(source, kind === 'tgz', name, limits, sink, depth);
  } finally {
    source.destroy();
  }
}
