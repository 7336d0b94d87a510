/**
 * Recovers a leaked value in memory when `scan --verify` or a rotator needs it (the daemon hands
 * it to the incident engine, which runs no git itself): the store keeps only the secret's
 * SHA-256 and where it was, so the object is read again from the repository and matched with the
 * same rules; the match whose hash is the incident's is the secret. The value is returned to the
 * caller only, never logged or stored.
 */
import { Matcher } from '../detect/matcher.js';
import { secretSha256 } from '../detect/redact.js';
import type { Ruleset } from '../detect/types.js';
import { runGit } from '../git/run-git.js';
import type { LeakedSecret } from '../domain/incident.js';

/** What locating the object needs: a scan finding's location fits as well as an incident's. */
export interface SecretLocation {
  commit: string | null;
  path: string | null;
  blob: string | null;
}

async function readObject(gitDir: string, location: SecretLocation): Promise<string | undefined> {
  const oid = location.blob ?? location.commit;
  if (oid === null) return undefined;
  try {
    return await runGit(gitDir, ['cat-file', '-p', oid]);
  } catch {
    return undefined;
  }
}

/** The match in `text` whose hash is one of `hashes`; for a plain file read from disk too. */
export function findSecretInText(text: string, path: string | null, hashes: readonly string[], matcher: Matcher): LeakedSecret | undefined {
  const wanted = new Set(hashes);
  let single: LeakedSecret | undefined;
  for (const m of matcher.match(text, path)) {
    const own = wanted.has(secretSha256(m.secret));
    const partner = m.related !== undefined && wanted.has(secretSha256(m.related.secret));
    // A paired match carries both halves (an AWS secret key and its key id): prefer it.
    if (m.related !== undefined && (own || partner)) return { value: m.secret, relatedValue: m.related.secret };
    if (own) single ??= { value: m.secret };
  }
  return single;
}

export async function recoverSecret(
  gitDir: string,
  location: SecretLocation,
  hashes: readonly string[],
  ruleset: Ruleset,
  matcher: Matcher = new Matcher(ruleset),
): Promise<LeakedSecret | undefined> {
  const text = await readObject(gitDir, location);
  if (text === undefined) return undefined;
  return findSecretInText(text, location.path, hashes, matcher);
}
