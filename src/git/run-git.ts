/**
 * Runs git for the small calls (rev-parse, config); the hot paths stream from long-lived
 * children instead. Never prompts, never reads the user's global config surprises that
 * change output (pager, colour), and errors carry git's first line of complaint.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessByStdio, ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { LeakwatchError } from '../errors.js';

export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_TERMINAL_PROMPT: '0',
  GIT_PAGER: 'cat',
  LC_ALL: 'C',
  GIT_OPTIONAL_LOCKS: '0',
};

/**
 * For every git that only reads a local object store (all of a scan's). In a partial clone a
 * read of an object the store lacks makes git fetch it from the promisor remote, silently: a
 * scan would then reach the network, wait on it, and change the repository it reports on. The
 * scan detects partial clones and says they are incomplete instead. `GIT_NO_LAZY_FETCH` stops
 * the lazy fetch on git 2.44 and later; an empty `GIT_ALLOW_PROTOCOL` allows no transport at
 * all, so the fetch git starts fails on older gits too (it overrides every `protocol.*.allow`).
 * The mirror's clone and fetch use `GIT_ENV`, which fetches as usual.
 */
export const READ_GIT_ENV: NodeJS.ProcessEnv = {
  ...GIT_ENV,
  GIT_NO_LAZY_FETCH: '1',
  GIT_ALLOW_PROTOCOL: '',
};

/**
 * Caps on git's own memory for the reads of a scan. By default git maps pack files in windows
 * of up to 1 GB and keeps up to 8 GB of them mapped, so reading every object of a multi-GB
 * history leaves the whole pack resident in the `cat-file` child (each worker has one), and it
 * caches 96 MB of delta bases besides: on a 44k-commit, 3.2 GB history each `cat-file` child of
 * a scan peaked at 573 MB. With these caps, reading every object of that history peaked at
 * 85 MB (121 MB with twice these, 158 MB with four times); the rest is the pack index, the
 * largest objects and their delta bases, none of which grows with the number of objects read.
 * The windows are unmapped and mapped again as the read moves through the pack, and a few more
 * delta bases are inflated again: about 2 s more system time on those 3.2 GB, little next to
 * inflating the objects (about 20 CPU-s) and matching them.
 */
export const GIT_MEMORY_CONFIG: readonly string[] = [
  '-c', 'core.packedGitWindowSize=8m',
  '-c', 'core.packedGitLimit=16m',
  '-c', 'core.deltaBaseCacheLimit=8m',
];

const readArgs = (gitDir: string, args: string[]): string[] => [`--git-dir=${gitDir}`, '-c', 'core.quotePath=false', ...GIT_MEMORY_CONFIG, ...args];

export function spawnGit(gitDir: string, args: string[]): ChildProcessWithoutNullStreams {
  return spawn('git', readArgs(gitDir, args), { env: READ_GIT_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Like `spawnGit`, with git's standard output going to `stdout` (a socket the caller reads). */
export function spawnGitWritingTo(gitDir: string, args: string[], stdout: Socket): ChildProcessByStdio<Writable, null, Readable> {
  return spawn('git', readArgs(gitDir, args), { env: READ_GIT_ENV, stdio: ['pipe', stdout, 'pipe'] });
}

export function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim().length > 0)?.trim() ?? '';
}

export async function runGit(gitDir: string | null, args: string[], input?: string): Promise<string> {
  const child = gitDir
    ? spawnGit(gitDir, args)
    : spawn('git', args, { env: READ_GIT_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  child.stdin.on('error', () => undefined);
  child.stdin.end(input);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', (e) => reject(new LeakwatchError('git', `cannot run git: ${e.message}; is git installed?`)));
    child.on('close', resolve);
  });
  if (code !== 0) {
    const why = firstLine(Buffer.concat(err).toString('utf8')) || `exit code ${code}`;
    throw new LeakwatchError('git', `git ${args[0]} failed: ${why}`);
  }
  return Buffer.concat(out).toString('utf8');
}
