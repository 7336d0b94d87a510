/**
 * Incident ids. One incident per leaked secret: the id is derived from the secret's SHA-256 and
 * the repository it was first found in, so the same exposure gets the same id on every run and
 * every replica, and the same secret found later in another repository or a public place joins
 * this incident (looked up by hash) instead of opening a second one. The id reveals nothing about
 * the secret: it hashes a hash.
 */
import { createHash } from 'node:crypto';

export function incidentId(secretSha256: string, firstRepository: string): string {
  return `inc-${createHash('sha256').update(`${secretSha256}\0${firstRepository}`).digest('hex').slice(0, 16)}`;
}
