/** Real git repositories in temp dirs for tests, with no global config and a fixed identity. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GIT_CONFIG_GLOBAL } from '../helpers/git-config-global.js';

export const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: GIT_CONFIG_GLOBAL,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.com',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV }).toString();
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `lw-${prefix}-`));
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** A work tree with one commit holding `files`. */
export function makeRepo(name: string, files: Record<string, string>): string {
  const dir = join(tempDir('repo'), name);
  mkdirSync(dir);
  git(dir, 'init', '-q', '-b', 'main');
  writeFiles(dir, files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
  return dir;
}
