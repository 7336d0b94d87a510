/**
 * Keeps a `--mirror` clone of a remote: cloned on first sight into a temporary folder and
 * renamed into place only when complete (a failed clone leaves nothing behind), then
 * `fetch --prune` on later runs so only new objects cross the network.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { simpleGit } from 'simple-git';
import { LeakwatchError } from '../errors.js';
import { redactUrl, redactUrlsIn } from './redact-url.js';
import { GIT_ENV, firstLine } from './run-git.js';
import { splitUrlCredentials } from './url-credentials.js';
import { isProcessAlive } from '../util/is-process-alive.js';

export interface MirrorOptions {
  timeoutMs?: number;
  /** Extra `-c key=value` settings, e.g. a credential helper. */
  config?: string[];
  /** Kills the running git (daemon shutdown); a clone cut short leaves nothing behind. */
  signal?: AbortSignal;
}

/** Clones left half-done by a process that died (kill -9, power loss) are never used: drop them. */
export function removeDeadPartials(dir: string): void {
  const prefix = `${basename(dir)}.partial-`;
  let names: string[];
  try {
    names = readdirSync(dirname(dir));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isProcessAlive(pid)) rmSync(join(dirname(dir), name), { recursive: true, force: true });
  }
}

function gitError(action: string, url: string, err: unknown): LeakwatchError {
  // git quotes the URL it used, in its own forms: redact every URL in the line, not just ours.
  const message = redactUrlsIn(firstLine(String((err as Error).message ?? err)));
  return new LeakwatchError('target', `cannot ${action} ${redactUrl(url)}: ${message}`);
}

/**
 * simple-git refuses, by default, environment variables that can make git run a program (pager,
 * editor, askpass, ssh command, config paths such as GIT_CONFIG_GLOBAL) and a credential helper
 * in `-c`. Ours is the operator's own environment, the one every other git call here runs
 * with, and the only helper is the CodeCommit one leakwatch sets itself, so both are allowed;
 * simple-git's checks on the arguments (such as --upload-pack) stay on.
 */
const TRUSTED_ENVIRONMENT = {
  allowUnsafeAskPass: true,
  allowUnsafeConfigEnvCount: true,
  allowUnsafeConfigPaths: true,
  allowUnsafeCredentialHelper: true,
  allowUnsafeDiffExternal: true,
  allowUnsafeEditor: true,
  allowUnsafeExec: true,
  allowUnsafeGitProxy: true,
  allowUnsafePager: true,
  allowUnsafeSshCommand: true,
  allowUnsafeTemplateDir: true,
  // url.<base>.insteadOf in the operator's GIT_CONFIG_* (a proxy or mirror host).
  allowUnsafeUrlRewrite: true,
} as const;

export async function mirrorRepository(url: string, dir: string, options: MirrorOptions = {}): Promise<'cloned' | 'fetched'> {
  // The mirror's config gets the URL without credentials; git's environment maps it back.
  const source = splitUrlCredentials(url, GIT_ENV);
  const env = { ...GIT_ENV, ...source.env };
  const git = (baseDir?: string) =>
    simpleGit({
      baseDir,
      config: options.config ?? [],
      timeout: { block: options.timeoutMs ?? 600_000 },
      ...(options.signal ? { abort: options.signal } : {}),
      unsafe: TRUSTED_ENVIRONMENT,
      allowEnvironment: Object.keys(env),
    }).env(env);
  if (existsSync(dir)) {
    try {
      // Also rewrites a URL with credentials that an older leakwatch stored in the mirror.
      await git(dir).raw(['config', 'remote.origin.url', source.url]);
      await git(dir).raw(['fetch', '--prune', '--quiet', 'origin']);
      return 'fetched';
    } catch (err) {
      throw gitError('fetch', url, err);
    }
  }
  mkdirSync(dirname(dir), { recursive: true });
  removeDeadPartials(dir);
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  try {
    await git().clone(source.url, partial, ['--mirror', '--quiet']);
    renameSync(partial, dir);
    return 'cloned';
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    throw gitError('clone', url, err);
  }
}
