/**
 * A damaged, foreign or read-only state database as the one-line error the CLI prints: which
 * file, what is wrong, and the way out. The state is only a cache of what was scanned, so
 * moving it aside costs one full scan and loses nothing.
 */
import { LeakwatchError } from '../errors.js';

export function stateError(file: string, err: unknown): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return err;
  const why = (err as Error).message;
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new LeakwatchError('state', `state database ${file} is damaged or not a leakwatch state (${why}): move it aside (it is only a cache; the next scan rebuilds it) or pass another --state`, { cause: err });
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return new LeakwatchError('state', `state database ${file} cannot be written (${why}): make it and its folder writable, or pass another --state (or --no-state)`, { cause: err });
  }
  return new LeakwatchError('state', `state database ${file} failed (${why}): move it aside or pass another --state`, { cause: err });
}
