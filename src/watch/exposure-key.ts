/**
 * The identity of an exposure for "deliver once": the same secret or the same code of ours at
 * the same public place is one exposure, whichever commit, poll or source found it again.
 */
import type { PublicExposure } from './types.js';

export function exposureKey(e: PublicExposure): string {
  return [e.kind, e.repository, e.publicLocation, e.kind === 'credential-exposure' ? e.secretSha256 : ''].join('\u0000');
}
