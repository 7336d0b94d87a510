/**
 * Builds the watch's known-secret hashes from scan results: every secret (and paired secret)
 * found in one of our repositories, with the repositories holding it, so a public copy is
 * reported to each owner. Only hashes are kept; scan results never hold the secret itself.
 */
import type { SafeMatch } from '../domain/finding.js';

export function addKnownSecrets(known: Map<string, string[]>, repository: string, results: Iterable<{ matches: readonly SafeMatch[] }>): Map<string, string[]> {
  for (const result of results) {
    for (const m of result.matches) {
      for (const sha of [m.secretSha256, ...(m.related ? [m.related.secretSha256] : [])]) {
        const repos = known.get(sha);
        if (!repos) known.set(sha, [repository]);
        else if (!repos.includes(repository)) repos.push(repository);
      }
    }
  }
  return known;
}
