/**
 * One streaming pass over `git log --raw` for the given commits (reachable or dangling alike,
 * since each is named explicitly): every place where a blob was added or changed into, with
 * the commit's date and author. The output is parsed as bytes: an entry becomes strings only
 * when the caller wants it, so a walk over a long history leaves little for the garbage
 * collector.
 */
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { Introduction } from '../domain/introduction.js';
import { LeakwatchError } from '../errors.js';
import { detectIncomplete } from './detect-incomplete.js';
import { socketPair } from './reused-read.js';
import { firstLine, spawnGit, spawnGitWritingTo } from './run-git.js';

export interface CommitHeader {
  commit: string;
  time: number;
  author: string;
  email: string;
}

/**
 * One entry of the walk, valid only during the callback: the new blob id is the `oidLength`
 * hex bytes at `oidAt` of `bytes` (40, or 64 in a SHA-256 repository), the path the UTF-8
 * bytes [pathStart, pathEnd).
 */
export interface RawEntry {
  bytes: Buffer;
  oidAt: number;
  oidLength: number;
  pathStart: number;
  pathEnd: number;
  commit: CommitHeader;
  /** A submodule entry (mode 160000): the id is a commit of another repository, not a blob. */
  gitlink: boolean;
}

export function toIntroduction(oid: string, path: string, commit: CommitHeader): Introduction {
  return { oid, path, ...commit };
}

/** The value of each hex digit by its byte (-1 for other bytes). */
export const HEX_VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX_VALUE['0123456789abcdef'.charCodeAt(i)] = i;
  HEX_VALUE['0123456789ABCDEF'.charCodeAt(i)] = i;
}

/** The first eight hex digits of an id as a number: a cheap key to test before making a string. */
export function oidPrefix(bytes: Uint8Array, at: number): number {
  let n = 0;
  for (let i = 0; i < 8; i++) n = n * 16 + HEX_VALUE[bytes[at + i]!]!;
  return n;
}

export function oidPrefixOf(oid: string): number {
  return Number.parseInt(oid.slice(0, 8), 16);
}

/** Calls `onEntry` for every blob added or modified by the commits (deletions are skipped). */
export async function walkHistoryEntries(
  gitDir: string,
  commits: Iterable<string>,
  onEntry: (entry: RawEntry) => void,
  /** Stops the walk early; the promise then resolves with what was seen so far. */
  signal?: AbortSignal,
): Promise<void> {
  const args = [
    'log',
    '--no-walk=unsorted',
    '--stdin',
    '--raw',
    '--no-abbrev',
    '--no-renames',
    '--diff-merges=first-parent',
    '-z',
    '--format=%x01%H%x02%ct%x02%an%x02%ae',
  ];
  // git's output is read into one buffer reused for every read (reused-read.ts), or, where
  // that cannot be, from a pipe as Node reads it; either way it is parsed as it arrives.
  const tokens = new TokenReader((bytes, start, end) => onToken(bytes, start, end));
  const pair = await socketPair(Buffer.allocUnsafe(READ_BYTES), (chunk) => tokens.feed(chunk));
  let child: ChildProcessByStdio<Writable, Readable | null, Readable>;
  let output: Readable;
  if (pair) {
    try {
      child = spawnGitWritingTo(gitDir, args, pair.theirs);
    } finally {
      pair.theirs.destroy();
    }
    output = pair.ours;
  } else {
    const piped = spawnGit(gitDir, args);
    piped.stdout.on('data', (chunk: Buffer) => tokens.feed(chunk));
    child = piped;
    output = piped.stdout;
  }
  const outputEnded = new Promise<void>((resolve, reject) => {
    output.once('end', resolve);
    output.once('close', resolve);
    output.once('error', reject);
  });
  let aborted = false;
  signal?.addEventListener('abort', () => {
    aborted = true;
    child.kill();
  });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  child.stdin.on('error', () => undefined);
  const done = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  void (async () => {
    let text = '';
    for (const c of commits) {
      text += `${c}\n`;
      if (text.length > 64 * 1024) {
        if (!child.stdin.write(text)) await new Promise((r) => child.stdin.once('drain', r));
        text = '';
      }
    }
    child.stdin.end(text);
  })();

  const entry: RawEntry = { bytes: Buffer.alloc(0), oidAt: 0, oidLength: 40, pathStart: 0, pathEnd: 0, commit: { commit: '', time: 0, author: '', email: '' }, gitlink: false };
  let header: CommitHeader | null = null;
  /** Offset of the new id in the pending raw line, -1 for a deletion, null when no path is due. */
  let pendingOid: number | null = null;
  let pendingLength = 40;
  let pendingGitlink = false;
  let pendingLine: Buffer | null = null;
  const onToken = (bytes: Buffer, start: number, end: number): void => {
    if (bytes[start] === 10) start++;
    if (pendingOid !== null) {
      if (header && pendingOid >= 0) {
        entry.bytes = pendingLine!;
        entry.oidAt = pendingOid;
        entry.oidLength = pendingLength;
        // The path is in this token; the id in the raw line before it, which may be another chunk.
        entry.pathStart = start;
        entry.pathEnd = end;
        entry.commit = header;
        entry.gitlink = pendingGitlink;
        if (pendingLine === bytes) onEntry(entry);
        else onEntry(joinEntry(entry, bytes));
      }
      pendingOid = null;
      pendingLine = null;
      return;
    }
    if (bytes[start] === 1) {
      const [commit, time, author, email] = bytes.toString('utf8', start + 1, end).split('\x02');
      header = { commit: commit!, time: Number(time), author: author ?? '', email: email ?? '' };
      return;
    }
    if (bytes[start] === 58 /* : */) {
      // ":<old mode> <new mode> <old oid> <new oid> <status>": modes are six octal digits and
      // SHA-1 ids 40 hex (--no-abbrev), so the fields usually sit at fixed offsets.
      const fixed = end - start >= 98 && bytes[start + 7] === 32 && bytes[start + 55] === 32;
      if (fixed) {
        pendingOid = bytes[start + 97] === 68 /* D */ ? -1 : start + 56;
        pendingLength = 40;
        // New mode "160000": only gitlinks start with "16".
        pendingGitlink = bytes[start + 8] === 49 && bytes[start + 9] === 54;
      } else {
        const fields = bytes.toString('latin1', start, end).split(' ');
        const oid = fields[3] ?? '';
        const at = fields.slice(0, 3).join(' ').length + 1;
        pendingOid = (fields[4] ?? '').startsWith('D') || (oid.length !== 40 && oid.length !== 64) ? -1 : start + at;
        pendingLength = oid.length;
        pendingGitlink = fields[1] === '160000';
      }
      pendingLine = bytes;
    }
  };
  const [code] = await Promise.all([done, outputEnded.catch(() => undefined)]);
  tokens.end();
  if (code !== 0 && !aborted) {
    const why = firstLine(stderr) || `git exited ${code}`;
    // A partial clone lacking trees (`--filter=tree:0`) cannot even list what history introduced;
    // the objects are not fetched (see READ_GIT_ENV), so say what the repository is.
    if (detectIncomplete(gitDir).includes('partial-clone')) {
      throw new LeakwatchError('git', `cannot read history: ${gitDir} is an incomplete partial clone (${why}); leakwatch never fetches from its promisor remote: scan a full clone`);
    }
    throw new LeakwatchError('git', `cannot read history: ${why}`);
  }
}

/** The buffer git's output is read into, reused for every read. */
const READ_BYTES = 64 * 1024;

/**
 * Cuts the NUL-terminated tokens of `git log --raw -z` out of reads that are overwritten once
 * handed over: a token cut by the end of a read is copied into a buffer kept and reused for
 * that, and a raw line is handed over only together with the path token that follows it, so
 * that both lie in one buffer (the entry points into both).
 */
export class TokenReader {
  private held = Buffer.allocUnsafe(4096);
  private heldBytes = 0;

  constructor(private readonly onToken: (bytes: Buffer, start: number, end: number) => void) {}

  feed(chunk: Buffer): void {
    let data = chunk;
    if (this.heldBytes > 0) {
      this.reserve(this.heldBytes + chunk.length);
      chunk.copy(this.held, this.heldBytes);
      data = this.held.subarray(0, this.heldBytes + chunk.length);
    }
    let pos = 0;
    for (let z = data.indexOf(0, pos); z >= 0; z = data.indexOf(0, pos)) {
      const first = data[pos] === 10 ? pos + 1 : pos;
      if (data[first] === 58 /* : */) {
        const pathEnd = data.indexOf(0, z + 1);
        if (pathEnd < 0) break;
        this.onToken(data, pos, z);
        this.onToken(data, z + 1, pathEnd);
        pos = pathEnd + 1;
      } else {
        this.onToken(data, pos, z);
        pos = z + 1;
      }
    }
    const rest = data.length - pos;
    if (data === chunk) {
      this.reserve(rest);
      chunk.copy(this.held, 0, pos);
    } else {
      this.held.copyWithin(0, pos, data.length);
    }
    this.heldBytes = rest;
  }

  /** The output has ended: what is left, unterminated, is its last token. */
  end(): void {
    if (this.heldBytes === 0) return;
    const rest = this.held.subarray(0, this.heldBytes);
    this.heldBytes = 0;
    const nul = rest.indexOf(0);
    if (nul >= 0) {
      // A raw line whose path never came: handed over alone.
      this.onToken(rest, 0, nul);
      this.onToken(rest, nul + 1, rest.length);
    } else {
      this.onToken(rest, 0, rest.length);
    }
  }

  private reserve(bytes: number): void {
    if (this.held.length >= bytes) return;
    const bigger = Buffer.allocUnsafe(Math.max(bytes, this.held.length * 2));
    this.held.copy(bigger, 0, 0, this.heldBytes);
    this.held = bigger;
  }
}

/** An entry whose id and path are in different buffers, as one buffer. */
function joinEntry(entry: RawEntry, pathBytes: Buffer): RawEntry {
  const oid = entry.bytes.subarray(entry.oidAt, entry.oidAt + entry.oidLength);
  const path = pathBytes.subarray(entry.pathStart, entry.pathEnd);
  const bytes = Buffer.concat([oid, path]);
  return { bytes, oidAt: 0, oidLength: entry.oidLength, pathStart: entry.oidLength, pathEnd: bytes.length, commit: entry.commit, gitlink: entry.gitlink };
}

export async function walkIntroductions(
  gitDir: string,
  commits: Iterable<string>,
  /** null: every blob introduced. */
  interest: ReadonlySet<string> | null,
  /** Called per entry with the commit's header object, shared by all entries of that commit. */
  onIntroduction: (oid: string, path: string, commit: CommitHeader) => void,
  signal?: AbortSignal,
): Promise<void> {
  const prefixes = interest ? new Set([...interest].map(oidPrefixOf)) : null;
  await walkHistoryEntries(
    gitDir,
    commits,
    (e) => {
      if (prefixes && !prefixes.has(oidPrefix(e.bytes, e.oidAt))) return;
      const oid = e.bytes.toString('latin1', e.oidAt, e.oidAt + e.oidLength);
      if (interest && !interest.has(oid)) return;
      onIntroduction(oid, e.bytes.toString('utf8', e.pathStart, e.pathEnd), e.commit);
    },
    signal,
  );
}
