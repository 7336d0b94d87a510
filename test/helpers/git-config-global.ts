/**
 * The global git configuration every test runs git with: an empty file of the test run's own.
 * Not the user's (their aliases, hooks and helpers would change what git does), and not
 * /dev/null: a `git config --global` under it writes /dev/null.lock and renames it over the
 * device, which as root replaces the machine's /dev/null with a regular file.
 * vitest.config.ts creates it once and passes it down in GIT_CONFIG_GLOBAL; this module is
 * the one place tests read it from.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function isEmptyFile(path: string | undefined): path is string {
  if (!path) return false;
  const st = statSync(path, { throwIfNoEntry: false });
  return st !== undefined && st.isFile() && st.size === 0;
}

/** Creates an empty configuration file in a new temp folder (the vitest config calls it once). */
export function createEmptyGitConfig(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'leakwatch-gitconfig-')), 'gitconfig');
  writeFileSync(file, '');
  return file;
}

/** The empty file from the environment, or a new one when a test runs outside vitest's config. */
export const GIT_CONFIG_GLOBAL: string = isEmptyFile(process.env.GIT_CONFIG_GLOBAL) ? process.env.GIT_CONFIG_GLOBAL : createEmptyGitConfig();
process.env.GIT_CONFIG_GLOBAL = GIT_CONFIG_GLOBAL;
