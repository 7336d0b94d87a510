/**
 * Keeps a `--mirror` clone of a remote: cloned on first sight into a temporary folder and
 * renamed into place only when complete (a failed clone leaves nothing behind), then
 * `fetch --prune` on later runs so only new objects cross the network.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { simpleGit } from 'simple-git';
import { LeakwatchError } from '../errors.js';
import { redactUrl } from './redact-url.js';
import { GIT_ENV, firstLine } from './run-git.js';

// A clone or fetch never opens an editor or a pager; simple-git refuses to pass these on.
const INTERACTIVE_ENV = /^(?:EDITOR|VISUAL|PAGER|GIT_PAGER|GIT_EDITOR|GIT_SEQUENCE_EDITOR)$/i;

function mirrorEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(GIT_ENV).filter(([key]) => !INTERACTIVE_ENV.test(key)));
}

export interface MirrorOptions {
  timeoutMs?: number;
  /** Extra `-c key=value` settings, e.g. a credential helper. */
  config?: string[];
  /** Kills the running git (daemon shutdown); a clone cut short leaves nothing behind. */
  signal?: AbortSignal;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
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
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid)) rmSync(join(dirname(dir), name), { recursive: true, force: true });
  }
}

function gitError(action: string, url: string, err: unknown): LeakwatchError {
  const message = firstLine(String((err as Error).message ?? err)).replace(url, redactUrl(url));
  return new LeakwatchError('target', `cannot ${action} ${redactUrl(url)}: ${message}`);
}

export async function mirrorRepository(url: string, dir: string, options: MirrorOptions = {}): Promise<'cloned' | 'fetched'> {
  const env = mirrorEnv();
  const git = (baseDir?: string) =>
    simpleGit({
      // The operator's GIT_* variables (CA bundle, proxy, GIT_CONFIG_*) are meant for git.
      allowEnvironment: Object.keys(env).filter((key) => /^git/i.test(key)),
      baseDir,
      config: options.config ?? [],
      timeout: { block: options.timeoutMs ?? 600_000 },
      ...(options.signal ? { abort: options.signal } : {}),
      // Only our own settings and the operator's environment arrive here (the CodeCommit helper
      // is a credential.helper; GIT_CONFIG_* with url rewrites, GIT_SSH_COMMAND and askpass are the operator's).
      unsafe: {
        allowUnsafeCredentialHelper: true,
        allowUnsafeConfigPaths: true,
        allowUnsafeConfigEnvCount: true,
        allowUnsafeSshCommand: true,
        allowUnsafeAskPass: true,
        allowUnsafeUrlRewrite: true,
      },
    }).env(env);
  if (existsSync(dir)) {
    try {
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
    await git().clone(url, partial, ['--mirror', '--quiet']);
    renameSync(partial, dir);
    return 'cloned';
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    throw gitError('clone', url, err);
  }
}
