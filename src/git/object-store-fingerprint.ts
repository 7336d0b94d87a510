/**
 * A cheap fingerprint of everything in an object store (pack names and sizes, loose object
 * names, alternates). If it has not changed since the last scan, nothing new can be found,
 * and a rerun answers from the stored state without listing a single object.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function list(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

export function objectStoreFingerprint(gitDir: string): string {
  const objects = join(gitDir, 'objects');
  const hash = createHash('sha256');
  for (const name of list(join(objects, 'pack'))) {
    if (!name.endsWith('.pack')) continue;
    const st = statSync(join(objects, 'pack', name), { throwIfNoEntry: false });
    hash.update(`p ${name} ${st?.size ?? -1}\n`);
  }
  for (const dir of list(objects)) {
    if (!/^[0-9a-f]{2}$/.test(dir)) continue;
    for (const name of list(join(objects, dir))) hash.update(`l ${dir}${name}\n`);
  }
  try {
    hash.update(`a ${readFileSync(join(objects, 'info', 'alternates'), 'utf8')}`);
  } catch {
    // no alternates
  }
  return hash.digest('hex');
}

/** Bytes in pack files: a cheap hint of how much work a first scan will be. */
export function packedBytes(gitDir: string): number {
  const dir = join(gitDir, 'objects', 'pack');
  return list(dir)
    .filter((name) => name.endsWith('.pack'))
    .reduce((n, name) => n + (statSync(join(dir, name), { throwIfNoEntry: false })?.size ?? 0), 0);
}
