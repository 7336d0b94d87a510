/**
 * What `scan <target>` names, as far as it can be told without running git: a clone URL, or a
 * local repository from its layout. Apart from resolve-target.ts (which runs git and mirrors
 * URLs), so a rerun answered from its cached report (scan/cached-rerun.ts) loads neither.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isCodecommitUrl } from './parse-codecommit-url.js';

export type ResolvedTarget =
  | { kind: 'git'; gitDir: string; workTree: string | null; display: string; key: string }
  | { kind: 'directory'; path: string; display: string; key: string };

const URL_LIKE = /^(?:(?:https?|ssh|git|file):\/\/|[\w.-]+@[\w.-]+:(?!\/\/))/i;

export function isUrlTarget(target: string): boolean {
  return URL_LIKE.test(target) || isCodecommitUrl(target);
}

export function looksLikeBareRepo(dir: string): boolean {
  return existsSync(join(dir, 'HEAD')) && existsSync(join(dir, 'objects')) && existsSync(join(dir, 'refs'));
}

/**
 * A local repository as resolveTarget would give it, from its layout alone, without running git:
 * a bare repository, or a work tree whose .git is a folder, and no GIT_DIR to say otherwise.
 * Null for anything else (a URL, a linked work tree, a plain folder, an unreadable path). Only a
 * guess: a rerun's cached report (scan/report-cache.ts) is used when it matches what git said
 * when the report was made.
 */
export function guessLocalRepository(target: string): (ResolvedTarget & { kind: 'git' }) | null {
  if (isUrlTarget(target) || process.env.GIT_DIR !== undefined) return null;
  try {
    const path = realpathSync(target);
    const dotGit = join(path, '.git');
    const st = statSync(dotGit, { throwIfNoEntry: false });
    if (st?.isDirectory() && looksLikeBareRepo(dotGit)) return { kind: 'git', gitDir: dotGit, workTree: path, display: target, key: `git:${path}` };
    if (!st && looksLikeBareRepo(path)) return { kind: 'git', gitDir: path, workTree: null, display: target, key: `git:${path}` };
  } catch {
    // Not there or not readable: resolveTarget says which.
  }
  return null;
}

