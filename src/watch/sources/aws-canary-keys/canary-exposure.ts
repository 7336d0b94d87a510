/**
 * The exposure a canary key's use stands for: whoever called AWS with the key holds a copy of
 * the repository it was planted in. One exposure per key (its location is the key, shown
 * redacted), so every later use joins the same `code-exposure` incident.
 */
import type { CanaryKeyUse, PublicExposure } from '../../types.js';

export const CANARY_LOCATION = 'aws-canary-key';

/** `AKIA…WXYZ`: enough for the owner to tell canaries apart; the full id stays in the config. */
export function redactKeyId(accessKeyId: string): string {
  return `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}

/** The event in the CloudTrail console of its region. */
export function consoleEventUrl(use: CanaryKeyUse): string {
  const region = encodeURIComponent(use.region);
  return `https://${region}.console.aws.amazon.com/cloudtrailv2/home?region=${region}#/events/${encodeURIComponent(use.eventId)}`;
}

export function canaryExposure(repository: string, accessKeyId: string, uses: CanaryKeyUse[], source: string): PublicExposure {
  return {
    kind: 'code-exposure',
    public: true,
    url: consoleEventUrl(uses[0]!),
    repository,
    score: 1,
    matchedFiles: [],
    lines: [],
    source,
    publicLocation: CANARY_LOCATION,
    publicPath: redactKeyId(accessKeyId),
    canaryUses: uses,
  };
}
