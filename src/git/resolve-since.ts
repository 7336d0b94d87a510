/**
 * `--since REV`: the commit REV names, checked before it is handed to `git rev-list ^REV`, so a
 * typo is reported in the user's words ("not found in the repository") rather than as git's
 * complaint about an internal `^REV` argument.
 */
import { LeakwatchError } from '../errors.js';
import { runGit } from './run-git.js';

export async function resolveSince(gitDir: string, since: string): Promise<string> {
  try {
    return (await runGit(gitDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${since}^{commit}`])).trim();
  } catch (err) {
    throw new LeakwatchError(
      'usage',
      `--since: revision "${since}" was not found in the repository (give a commit, branch or tag it has; git log --oneline lists commits)`,
      { cause: err },
    );
  }
}
