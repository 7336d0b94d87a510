/**
 * Whether a repository's object store can hold its whole history at all: a shallow clone
 * stops at its graft points, and a partial clone (`--filter=blob:none`, a promisor remote)
 * leaves objects on the server. Either scans "clean" over what it lacks, so the scan must say
 * so. Read from the files git keeps (no child process: this runs on every scan).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CloneGap } from '../domain/finding.js';

function isShallow(gitDir: string): boolean {
  return (statSync(join(gitDir, 'shallow'), { throwIfNoEntry: false })?.size ?? 0) > 0;
}

function isPartialClone(gitDir: string): boolean {
  let packs: string[] = [];
  try {
    packs = readdirSync(join(gitDir, 'objects', 'pack'));
  } catch {
    // no packs
  }
  if (packs.some((name) => name.endsWith('.promisor'))) return true;
  let config: string;
  try {
    config = readFileSync(join(gitDir, 'config'), 'utf8');
  } catch {
    return false;
  }
  // `extensions.partialClone = <remote>` or `remote.<name>.promisor = true`.
  return /^\s*partialclone\s*=/im.test(config) || /^\s*promisor\s*=\s*(true|yes|on|1)\s*$/im.test(config);
}

export function detectIncomplete(gitDir: string): CloneGap[] {
  const reasons: CloneGap[] = [];
  if (isShallow(gitDir)) reasons.push('shallow');
  if (isPartialClone(gitDir)) reasons.push('partial-clone');
  return reasons;
}
