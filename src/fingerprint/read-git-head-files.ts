/**
 * Reads the files of a repository's default branch (HEAD) without a checkout: `git ls-tree -r
 * -z HEAD` lists the blobs, one `git cat-file --batch` streams their contents. Works on bare
 * mirrors and work trees alike. Paths that can never be evidence are skipped before reading.
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { LeakwatchError } from '../errors.js';
import { isIgnorablePath } from './is-ignorable-path.js';

const run = promisify(execFile);

export interface RepoFile {
  readonly path: string;
  readonly blobId: string;
  readonly content: Buffer;
}

export interface ReadFilesOptions {
  /** Blobs larger than this are skipped (generated data, bundles). */
  readonly maxBytes?: number;
}

export interface ReadHeadOptions extends ReadFilesOptions {
  /** Read only the blobs this accepts (an incremental update skips blobs already indexed). */
  readonly select?: (entry: TreeEntry) => boolean;
}

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

export interface TreeEntry {
  path: string;
  blobId: string;
  size: number;
}

export async function listHeadBlobs(repoDir: string): Promise<TreeEntry[]> {
  let stdout: string;
  try {
    ({ stdout } = await run('git', ['-C', repoDir, 'ls-tree', '-r', '-z', '--long', 'HEAD'], { maxBuffer: 1 << 30 }));
  } catch (err) {
    throw new LeakwatchError('git', `Cannot list HEAD of ${repoDir}: is it a git repository with a commit?`, { cause: err });
  }
  const entries: TreeEntry[] = [];
  for (const record of stdout.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const [mode, type, blobId, size] = record.slice(0, tab).split(/\s+/);
    if (type !== 'blob' || mode === '120000' || !blobId) continue;
    entries.push({ path: record.slice(tab + 1), blobId, size: Number(size) });
  }
  return entries;
}

export async function* readGitHeadFiles(repoDir: string, options: ReadHeadOptions = {}): AsyncGenerator<RepoFile> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const select = options.select ?? (() => true);
  const wanted = (await listHeadBlobs(repoDir)).filter((e) => e.size <= maxBytes && !isIgnorablePath(e.path) && select(e));
  if (wanted.length === 0) return;
  const child = spawn('git', ['-C', repoDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'ignore'] });
  child.stdin.on('error', () => undefined);
  child.stdin.end(wanted.map((e) => `${e.blobId}\n`).join(''));
  let buffer: Buffer = Buffer.alloc(0);
  let next = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      for (;;) {
        const eol = buffer.indexOf(10);
        if (eol === -1) break;
        const header = buffer.subarray(0, eol).toString('utf8').split(' ');
        const size = header[1] === 'missing' ? 0 : Number(header[2]);
        const total = header[1] === 'missing' ? eol + 1 : eol + 1 + size + 1;
        if (buffer.length < total) break;
        const entry = wanted[next++]!;
        if (header[1] !== 'missing') {
          yield { path: entry.path, blobId: entry.blobId, content: Buffer.from(buffer.subarray(eol + 1, eol + 1 + size)) };
        }
        buffer = buffer.subarray(total);
      }
    }
  } finally {
    if (child.exitCode === null) child.kill();
  }
}
