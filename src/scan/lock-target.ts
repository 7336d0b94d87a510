/**
 * One scan of a target at a time per state folder. Two scans sharing a `--state` would both
 * read the same incremental state, scan the same objects and save them twice (and report
 * them "already scanned" twice over). A lock file per target, created exclusively, holds the
 * owner's pid: a second scan waits for it (saying so once on stderr) and gives up after a
 * bounded wait with a one-line error; a lock whose process is gone (kill -9) is taken over.
 * The takeover is atomic: the dead lock is renamed to a name of this scan's own, which only
 * one of several scans that found it at once can do, and the lock is then created exclusively.
 */
import { createHash, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LeakwatchError } from '../errors.js';
import { isProcessAlive } from '../util/is-process-alive.js';

export const DEFAULT_LOCK_WAIT_MS = 10 * 60 * 1000;
const POLL_MS = 100;

export interface TargetLock {
  release(): void;
}

export interface LockOptions {
  /** How long to wait for another scan of the same target (ms). */
  waitMs?: number;
  /** Told once when the scan has to wait. */
  onWait?: (message: string) => void;
  /** Tests only: runs when a dead lock was found, before it is taken over. */
  beforeTakeover?: () => void;
}

function holder(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function create(file: string): boolean {
  try {
    writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return false;
  }
}

/** Takes the lock in this process; a lock of this process counts as held by another scan. */
function tryLock(file: string, beforeTakeover?: () => void): boolean {
  if (create(file)) return true;
  const pid = holder(file);
  if (pid !== null && isProcessAlive(pid)) return false;
  beforeTakeover?.();
  // The holder is gone (or the file was half-written by one that died): take it over. Removing
  // the file and creating it again is not enough: two scans that both saw it dead would each
  // remove it, one of them the other's fresh lock, and both go on. A rename moves one file once.
  const grave = `${file}.stale-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    renameSync(file, grave);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false; // another scan took it over first
    throw err;
  }
  const moved = holder(grave);
  if (moved !== null && moved !== pid && isProcessAlive(moved)) {
    // Between the check and the rename another scan took the dead lock over: what was moved is
    // its live lock. Put it back (a link never replaces a file) and wait like any other scan.
    try {
      linkSync(grave, file);
    } catch {
      // a third scan made a lock meanwhile; it holds the target
    }
    rmSync(grave, { force: true });
    return false;
  }
  rmSync(grave, { force: true });
  return create(file);
}

export async function lockTarget(stateDir: string, key: string, display: string, options: LockOptions = {}): Promise<TargetLock> {
  const dir = join(stateDir, 'locks');
  const file = join(dir, `${createHash('sha256').update(key).digest('hex').slice(0, 16)}.lock`);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new LeakwatchError('state', `cannot create ${dir}: ${(err as Error).message}; pass another --state, or --no-state`);
  }
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    let locked: boolean;
    try {
      locked = tryLock(file, options.beforeTakeover);
    } catch (err) {
      throw new LeakwatchError('state', `cannot lock ${file}: ${(err as Error).message}; pass another --state, or --no-state`);
    }
    if (locked) return { release: () => rmSync(file, { force: true }) };
    if (Date.now() >= deadline) {
      throw new LeakwatchError(
        'state',
        `another scan of ${display} (pid ${holder(file) ?? '?'}) still holds ${file} after ${Math.round(waitMs / 1000)} s: wait for it to finish, or pass another --state`,
      );
    }
    if (!told) {
      told = true;
      options.onWait?.(`waiting for another scan of ${display} (pid ${holder(file) ?? '?'}) to finish (lock ${file})`);
    }
    await sleep(POLL_MS);
  }
}
