/**
 * Indexes a local repository for "is this ours?": the files of HEAD for a git repository (bare
 * or not, read through git so uncommitted noise is ignored), or the files as they are for a
 * plain directory. The repository is named after its directory.
 */
import { execFile } from 'node:child_process';
import { realpath, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { promisify } from 'node:util';
import { LeakwatchError } from '../errors.js';
import { addTextToIndex } from './add-text-to-index.js';
import type { FingerprintIndexStore } from './fingerprint-index.js';
import { readGitHeadFiles } from './read-git-head-files.js';
import type { ReadFilesOptions } from './read-git-head-files.js';
import { walkDirectoryFiles } from './walk-directory-files.js';

const run = promisify(execFile);

export interface IndexRepoResult {
  readonly repo: string;
  readonly kind: 'git' | 'directory';
  readonly indexed: number;
  readonly skipped: number;
}

export async function indexLocalRepo(
  store: FingerprintIndexStore,
  dir: string,
  options: ReadFilesOptions & { repo?: string } = {},
): Promise<IndexRepoResult> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) throw new LeakwatchError('target', `Repository ${dir} is not a directory: pass a local git repository or directory`);
  const repo = options.repo ?? basename(root).replace(/\.git$/, '');
  const kind = (await isGitRepositoryRoot(root)) ? 'git' : 'directory';
  let indexed = 0;
  let skipped = 0;
  const files = kind === 'git' ? readGitHeadFiles(root, options) : walkDirectoryFiles(root, options);
  for await (const file of files) {
    const result = addTextToIndex(store, { repo, ...file });
    if (result.added) indexed++;
    else skipped++;
  }
  return { repo, kind, indexed, skipped };
}

/** True for a bare repository or the top of a work tree; a sub-folder of a work tree is a plain directory. */
export async function isGitRepositoryRoot(dir: string): Promise<boolean> {
  try {
    const bare = await run('git', ['-C', dir, 'rev-parse', '--is-bare-repository']);
    if (bare.stdout.trim() === 'true') return true;
    const top = await run('git', ['-C', dir, 'rev-parse', '--show-toplevel']);
    return (await realpath(top.stdout.trim())) === (await realpath(dir));
  } catch {
    return false;
  }
}
