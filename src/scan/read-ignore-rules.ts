/**
 * Finds and reads the ignore rules of a scan: `--ignore-file`, else `.leakwatchignore` at the
 * root of the work tree or directory, else `.leakwatchignore` in HEAD of a bare repository or
 * mirror. Only a file that is not there means "no rules"; one that cannot be read or parsed is
 * an error naming it, as for `--ignore-file`, since dropping it would report what it hides.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LeakwatchError } from '../errors.js';
import type { ResolvedTarget } from '../git/resolve-target.js';
import { runGit } from '../git/run-git.js';
import { emptyIgnoreRules, parseIgnoreRules } from './ignore-rules.js';
import type { IgnoreRules } from './ignore-rules.js';

function readText(path: string, wayOut: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && wayOut === '') return null;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
    throw new LeakwatchError('usage', `cannot read ignore file ${path}: ${why} (${wayOut || 'fix or remove it'})`, { cause: err });
  }
}

export async function readIgnoreRules(target: ResolvedTarget, explicit?: string): Promise<IgnoreRules> {
  if (explicit) {
    return parseIgnoreRules(readText(explicit, 'check --ignore-file, or leave it out to use the target\'s .leakwatchignore')!, explicit);
  }
  const root = target.kind === 'directory' ? target.path : target.workTree;
  if (root) {
    const path = join(root, '.leakwatchignore');
    const text = readText(path, '');
    return text === null ? emptyIgnoreRules() : parseIgnoreRules(text, path);
  }
  if (target.kind !== 'git') return emptyIgnoreRules();
  let entry: string;
  try {
    entry = await runGit(target.gitDir, ['ls-tree', 'HEAD', '--', '.leakwatchignore']);
  } catch {
    // No HEAD (an empty repository, a mirror without a default branch): nothing to read.
    return emptyIgnoreRules();
  }
  const oid = /^\d+ blob ([0-9a-f]+)\t/.exec(entry)?.[1];
  if (!oid) return emptyIgnoreRules();
  return parseIgnoreRules(await runGit(target.gitDir, ['cat-file', 'blob', oid]), `HEAD:.leakwatchignore of ${target.display}`);
}
