/**
 * The commit HEAD names, read from the files of a repository that keeps its refs as files (loose
 * refs and packed-refs), without running git. Null whenever it cannot be sure: a linked work
 * tree's git folder, reftable, a ref it cannot find, anything unexpected. For a cache that only
 * needs to know HEAD has not moved (scan/report-cache.ts), never for reading history.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const OID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const REF = /^ref: (refs\/[\w./-]+)$/;

function packedRef(gitDir: string, name: string): string | null {
  let text: string;
  try {
    text = readFileSync(join(gitDir, 'packed-refs'), 'utf8');
  } catch {
    return null;
  }
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.startsWith('^')) continue;
    const space = line.indexOf(' ');
    if (space > 0 && line.slice(space + 1) === name) return line.slice(0, space);
  }
  return null;
}

export function readHeadCommit(gitDir: string): string | null {
  try {
    if (existsSync(join(gitDir, 'commondir'))) return null;
    let value = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
    // A symbolic ref may name another; git follows up to five.
    for (let depth = 0; depth < 5; depth++) {
      if (OID.test(value)) return value;
      const name = REF.exec(value)?.[1];
      if (name === undefined || name.split('/').some((part) => part === '..' || part === '.' || part === '')) return null;
      let next: string | null;
      try {
        next = readFileSync(join(gitDir, name), 'utf8').trim();
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return null;
        next = packedRef(gitDir, name);
      }
      if (next === null) return null;
      value = next;
    }
  } catch {
    return null;
  }
  return null;
}
