/**
 * The one way leakwatch writes a file the user named (reports, baselines, canary keys): never
 * a half-written file, never a clobbered device, never through a planted link.
 *
 * - A regular file (or a new one) is written to a temporary file with a random name, created
 *   exclusively (O_EXCL: it cannot be a link someone planted) in the target's own folder, then
 *   renamed over the target, so readers see the old or the new file, never a part.
 * - A symbolic link is followed on purpose: the file it points to is replaced, atomically in
 *   that file's folder, and the link stays. A link to nothing is refused (there is no folder
 *   the user chose to write into).
 * - Anything else that exists (a character device such as /dev/null or a terminal, a FIFO, a
 *   socket, /dev/stdout) is opened and written in place: renaming over it would replace the
 *   device node itself.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { writeAll } from './write-all.js';

export interface WriteFileOptions {
  /** Mode of a new file, before the umask (default 0o666, as any tool's `> file`). */
  mode?: number;
  /** Fail if the target exists at all (never replace it), and set `mode` exactly. */
  exclusive?: boolean;
}

/** Why a write was refused; the caller names the option that gave the path. */
export class UnsafeTargetError extends Error {
  readonly code = 'EUNSAFE';
}

function statOrNull(stat: () => Stats): Stats | null {
  try {
    return stat();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * /dev/stdout, /dev/fd/N and /proc/self/fd/N name one of our own descriptors: write to it
 * (opening the path again fails for a socket, and renaming over it would replace the link).
 */
function ownDescriptor(path: string): number | null {
  const m = /^\/(?:dev\/(stdout|stderr|fd\/(\d+))|proc\/(?:self|(\d+))\/fd\/(\d+))$/.exec(path);
  if (!m) return null;
  if (m[1] === 'stdout') return 1;
  if (m[1] === 'stderr') return 2;
  if (m[2] !== undefined) return Number(m[2]);
  return m[3] === undefined || Number(m[3]) === process.pid ? Number(m[4]) : null;
}

function writeInPlace(path: string, data: Buffer): void {
  // No O_CREAT and no O_TRUNC: this only ever writes to something that exists and is not a file.
  const fd = openSync(path, constants.O_WRONLY | constants.O_APPEND);
  try {
    writeAll(fd, data);
  } finally {
    closeSync(fd);
  }
}

function writeExclusive(path: string, data: Buffer, mode: number): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
  try {
    fchmodSync(fd, mode);
    writeAll(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function replaceAtomically(path: string, data: Buffer, existing: Stats | null, mode: number): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  // A new file gets `mode` less the umask, as the kernel applies it; a replaced file keeps
  // its permissions (given once complete, so a 0600 file is never readable half-written).
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, existing ? 0o600 : mode);
  try {
    try {
      writeAll(fd, data);
      if (existing) fchmodSync(fd, existing.mode & 0o7777);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already renamed or never created: nothing to clean up.
    }
    throw err;
  }
}

export function writeFileSafely(file: string, content: string | Buffer, options: WriteFileOptions = {}): void {
  const data = typeof content === 'string' ? Buffer.from(content) : content;
  const mode = options.mode ?? 0o666;
  const path = resolve(file);
  const own = ownDescriptor(path);
  if (own !== null) {
    writeAll(own, data);
    return;
  }
  // Another process's descriptor: a link into /proc, written in place below like a device.
  if (/^\/proc\/\d+\/fd\/\d+$/.test(path)) {
    writeInPlace(path, data);
    return;
  }
  const link = statOrNull(() => lstatSync(path));
  if (options.exclusive) {
    if (link) throw Object.assign(new Error(`${file} exists`), { code: 'EEXIST' });
    writeExclusive(path, data, mode);
    return;
  }
  if (link?.isSymbolicLink()) {
    const target = statOrNull(() => statSync(path));
    if (!target) throw new UnsafeTargetError(`${file} is a symbolic link to a file that does not exist`);
    if (!target.isFile() && !target.isDirectory()) return writeInPlace(path, data);
    if (target.isDirectory()) throw new UnsafeTargetError(`${file} is a directory`);
    replaceAtomically(realpathSync(path), data, target, mode);
    return;
  }
  if (link?.isDirectory()) throw new UnsafeTargetError(`${file} is a directory`);
  if (link && !link.isFile()) return writeInPlace(path, data);
  replaceAtomically(path, data, link, mode);
}
