/**
 * Where an exposed commit lives: the branches (local and remote-tracking) that contain it, from
 * `git branch -a --contains`. An unknown commit or an unreadable repository gives no branches
 * rather than an error: the incident is still worth opening.
 */
import { runGit } from './run-git.js';

export async function branchesContaining(gitDir: string, commit: string): Promise<string[]> {
  let out: string;
  try {
    out = await runGit(gitDir, ['branch', '-a', '--contains', commit, '--format=%(refname:short)']);
  } catch {
    return [];
  }
  return [...new Set(out.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('(')))].sort();
}
