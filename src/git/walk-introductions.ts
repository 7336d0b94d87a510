/**
 * One streaming pass over `git log --raw` for the given commits (reachable or dangling alike,
 * since each is named explicitly): every place where a blob was added or changed into, with
 * the commit's date and author. The output is parsed as bytes: an entry becomes strings only
 * when the caller wants it, so a walk over a long history leaves little for the garbage
 * collector.
 */
import type { Introduction } from '../domain/introduction.js';
import { LeakwatchError } from '../errors.js';
import { detectIncomplete } from './detect-incomplete.js';
import { firstLine, spawnGit } from './run-git.js';

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
  const child = spawnGit(gitDir, [
    'log',
    '--no-walk=unsorted',
    '--stdin',
    '--raw',
    '--no-abbrev',
    '--no-renames',
    '--diff-merges=first-parent',
    '-z',
    '--format=%x01%H%x02%ct%x02%an%x02%ae',
  ]);
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
  let rest: Buffer | null = null;
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    const data: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    let pos = 0;
    for (let z = data.indexOf(0, pos); z >= 0; z = data.indexOf(0, pos)) {
      onToken(data, pos, z);
      pos = z + 1;
    }
    // A raw line whose path is in the next chunk keeps this chunk alive through pendingLine.
    rest = pos < data.length ? data.subarray(pos) : null;
  }
  if (rest) onToken(rest, 0, rest.length);
  const code = await done;
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
