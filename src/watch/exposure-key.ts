/**
 * The identity of an exposure for "deliver once", whichever commit, poll or source found it
 * again: one of our secrets anywhere in one public repository or gist, or our code in one
 * public file (two copied files in one public repository are two exposures the incident
 * engine joins, so the owner sees both).
 */
import type { PublicExposure } from './types.js';

export function exposureKey(e: PublicExposure): string {
  return [e.kind, e.repository, e.publicLocation, e.kind === 'credential-exposure' ? e.secretSha256 : e.publicPath].join('\u0000');
}
