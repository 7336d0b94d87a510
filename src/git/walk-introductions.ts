/**
 * One streaming pass over `git log --raw` for the given commits (reachable or dangling alike,
 * since each is named explicitly): every place where one of the blobs of interest was added
 * or changed into, with the commit's date and author. Memory holds only the matches.
 */
import { StringDecoder } from 'node:string_decoder';
import { LeakwatchError } from '../errors.js';
import { firstLine, spawnGit } from './run-git.js';

export interface Introduction {
  oid: string;
  commit: string;
  path: string;
  /** Committer date, seconds since the epoch. */
  time: number;
  author: string;
  email: string;
}

export interface CommitHeader {
  commit: string;
  time: number;
  author: string;
  email: string;
}

export function toIntroduction(oid: string, path: string, commit: CommitHeader): Introduction {
  return { oid, path, ...commit };
}

export async function walkIntroductions(
  gitDir: string,
  commits: Iterable<string>,
  /** null: every blob introduced. */
  interest: ReadonlySet<string> | null,
  /** Called per entry with the commit's header object, shared by all entries of that commit. */
  onIntroduction: (oid: string, path: string, commit: CommitHeader) => void,
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

  const decoder = new StringDecoder('utf8');
  let rest = '';
  let header: CommitHeader | null = null;
  let pendingOid: string | null = null;
  const onToken = (raw: string): void => {
    const token = raw.startsWith('\n') ? raw.slice(1) : raw;
    if (pendingOid !== null) {
      if (header && pendingOid !== '' && (interest === null || interest.has(pendingOid))) onIntroduction(pendingOid, token, header);
      pendingOid = null;
      return;
    }
    if (token.startsWith('\x01')) {
      const [commit, time, author, email] = token.slice(1).split('\x02');
      header = { commit: commit!, time: Number(time), author: author ?? '', email: email ?? '' };
      return;
    }
    if (token.startsWith(':')) {
      // ":<old mode> <new mode> <old oid> <new oid> <status>", then the path as the next token.
      // Modes are six octal digits and ids 40 hex (--no-abbrev), so the fields sit at fixed
      // offsets; slicing them avoids five strings per entry on a hot path.
      const fixed = token.length >= 98 && token.charCodeAt(7) === 32 && token.charCodeAt(55) === 32;
      const fields = fixed ? null : token.split(' ');
      const status = fixed ? token.charCodeAt(97) : (fields![4] ?? '').charCodeAt(0);
      pendingOid = status === 68 /* D */ ? '' : fixed ? token.slice(56, 96) : (fields![3] ?? '');
    }
  };
  for await (const chunk of child.stdout) {
    const tokens = (rest + decoder.write(chunk as Buffer)).split('\0');
    rest = tokens.pop()!;
    for (const t of tokens) onToken(t);
  }
  rest += decoder.end();
  if (rest) onToken(rest);
  const code = await done;
  if (code !== 0 && !aborted) throw new LeakwatchError('git', `cannot read history: ${firstLine(stderr) || `git exited ${code}`}`);
}
