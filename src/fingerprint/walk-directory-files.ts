/**
 * Reads the files of a plain directory as they are (no history), skipping paths that can never
 * be evidence and files too large to be source. Paths are relative, with `/` separators.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isIgnorablePath } from './is-ignorable-path.js';
import { DEFAULT_MAX_FILE_BYTES } from './read-git-head-files.js';
import type { ReadFilesOptions } from './read-git-head-files.js';

export interface DirectoryFile {
  readonly path: string;
  readonly content: Buffer;
}

export async function* walkDirectoryFiles(root: string, options: ReadFilesOptions & { skipIgnorable?: boolean } = {}): AsyncGenerator<DirectoryFile> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const skipIgnorable = options.skipIgnorable ?? true;
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      const rel = relative(root, full).split(sep).join('/');
      if (entry.name === '.git') continue;
      if (entry.isDirectory()) {
        if (!skipIgnorable || !isIgnorablePath(`${rel}/x`)) pending.push(full);
      } else if (entry.isFile()) {
        if (skipIgnorable && isIgnorablePath(rel)) continue;
        if ((await stat(full)).size > maxBytes) continue;
        yield { path: rel, content: await readFile(full) };
      }
    }
  }
}
