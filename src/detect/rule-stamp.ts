/**
 * A stamp of the rule files: what the file system says of each (its folder and name, device,
 * inode, size, modification and change times), with the variables and engine versions the
 * rules key (rule-sources.ts) also holds. A cached report (scan/report-cache.ts) keeps the stamp
 * taken when its rules were read beside their key, so a rerun that finds the same stamp takes
 * the key from the report instead of reading and hashing every rule file again.
 *
 * Why a stamp can stand for the bytes: any write to a file, in place or by renaming another
 * over it, and any change of its times, sets its change time (ctime) to the current time, and
 * nothing sets it back (utimes sets the modification time, and moves ctime to now); a file
 * edited to the same size with its modification time put back still gets a new ctime. Two
 * limits, both kept out: a stamp is taken before the files are read (a file changed between the
 * stat and the read leaves a stamp that will not match again), and none is given while any file
 * changed less than RACY_MS ago, since a second write within one tick of the file system's clock
 * would leave the same times on other bytes. Without a stamp the rule files are read and hashed.
 */
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { resolve } from 'node:path';
import { ENGINE_VERSION, REGEX_CHECK_VERSION } from './engine-version.js';

/** Coarser than any file system clock tick we run on (a jiffy; 2 s on FAT). */
export const RACY_MS = 5000;

/** A rules folder's files (their names, in the order they are read) as stated. */
export interface StatedRuleDir {
  dir: string;
  files: { name: string; stats: Stats }[];
}

/**
 * The stamp of these files, stated just now; null while any of them changed less than RACY_MS
 * ago. Times in milliseconds are exact enough: a stamp is only taken of files unchanged for
 * RACY_MS, so any later change moves their change time by more than that.
 */
export function rulesStamp(variables: unknown[], dirs: StatedRuleDir[], now = Date.now()): string | null {
  const recent = now - RACY_MS;
  const hash = createHash('sha256').update(JSON.stringify(['stamp', ENGINE_VERSION, REGEX_CHECK_VERSION, variables]));
  for (const { dir, files } of dirs) {
    hash.update(JSON.stringify([resolve(dir), files.length]));
    for (const { name, stats: s } of files) {
      if (s.ctimeMs > recent || s.mtimeMs > recent) return null;
      hash.update(JSON.stringify([name, s.dev, s.ino, s.size, s.mtimeMs, s.ctimeMs]));
    }
  }
  return hash.digest('hex');
}
