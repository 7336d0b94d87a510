/**
 * Works out what `scan <target>` was given: a git repository (bare or with a work tree), a
 * plain directory to scan as files, or a clone URL to mirror into the state directory.
 */
import { createHash } from 'node:crypto';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LeakwatchError } from '../errors.js';
import { codecommitGitConfigArgs } from './codecommit-git-config.js';
import { isUrlTarget, looksLikeBareRepo } from './local-repository.js';
import type { ResolvedTarget } from './local-repository.js';
import { isCodecommitUrl, parseCodecommitUrl } from './parse-codecommit-url.js';
import type { MirrorOptions } from './mirror-repository.js';
import { redactUrl } from './redact-url.js';
import { resolveCodecommitRegion } from './resolve-codecommit-region.js';
import { runGit } from './run-git.js';

export type { ResolvedTarget } from './local-repository.js';
export { guessLocalRepository, isUrlTarget } from './local-repository.js';

/**
 * The URL git fetches and the `-c` settings it needs: a CodeCommit URL in any accepted form
 * becomes its HTTPS URL fetched through our SigV4 credential helper (with the URL's profile).
 */
export function mirrorSource(target: string, env: NodeJS.ProcessEnv = process.env): { url: string; config: string[] } {
  if (!isCodecommitUrl(target)) return { url: target, config: [] };
  const parsed = parseCodecommitUrl(target, { defaultRegion: (profile) => resolveCodecommitRegion(profile, env) });
  const helper = parsed.profile === undefined ? {} : { profile: parsed.profile };
  return { url: parsed.httpsUrl, config: codecommitGitConfigArgs(helper).filter((arg) => arg !== '-c') };
}

export interface ResolveOptions {
  stateDir: string;
  mirror?: MirrorOptions;
  /** Called before a clone or fetch starts (for progress output). */
  onMirror?: (url: string) => void;
}

export async function resolveTarget(target: string, options: ResolveOptions): Promise<ResolvedTarget> {
  if (isUrlTarget(target)) {
    const source = mirrorSource(target);
    const shown = redactUrl(target);
    const dir = join(options.stateDir, 'mirrors', `${createHash('sha256').update(redactUrl(source.url)).digest('hex').slice(0, 16)}.git`);
    options.onMirror?.(shown);
    const config = [...(options.mirror?.config ?? []), ...source.config];
    // simple-git loads only for URL targets: a local scan starts faster without it.
    const { mirrorRepository } = await import('./mirror-repository.js');
    await mirrorRepository(source.url, dir, { ...options.mirror, config });
    return { kind: 'git', gitDir: dir, workTree: null, display: shown, key: `url:${shown}` };
  }
  const st = statSync(target, { throwIfNoEntry: false });
  if (!st) throw new LeakwatchError('target', `${target} does not exist: give a repository, a directory or a clone URL`);
  if (!st.isDirectory()) throw new LeakwatchError('target', `${target} is not a directory: give a repository, a directory or a clone URL`);
  let path: string;
  try {
    path = realpathSync(target);
  } catch {
    throw new LeakwatchError('target', `${target} is not readable: check its permissions`);
  }
  const hasDotGit = existsSync(join(path, '.git'));
  if (hasDotGit || looksLikeBareRepo(path)) {
    const gitDir = (await runGit(null, ['-C', path, 'rev-parse', '--absolute-git-dir'])).trim();
    return { kind: 'git', gitDir, workTree: hasDotGit ? path : null, display: target, key: `git:${path}` };
  }
  return { kind: 'directory', path, display: target, key: `dir:${path}` };
}
