/**
 * Our own AWS canary keys (`canary.awsKeys`) as the engine sees them: by SHA-256 of the key id,
 * the same hash a scan finding carries (`secretSha256`, or `related.secretSha256` for the secret
 * access key paired with it). A planted canary is found by our own scan of its repository; it
 * must not open a credential incident, and rotating it would disarm it. Its use is reported by
 * the `aws-canary-keys` watch source instead.
 */
import type { LeakwatchConfig } from '../config/config-types.js';
import { secretSha256 } from '../detect/redact.js';
import type { Finding } from '../domain/finding.js';

/** SHA-256 of each canary key id → the repository it was planted in. */
export function canaryKeyHashes(config: Pick<LeakwatchConfig, 'canary'>): Map<string, string> {
  return new Map(config.canary.awsKeys.map((k) => [secretSha256(k.accessKeyId), k.repository]));
}

export function isCanaryFinding(finding: Pick<Finding, 'secretSha256' | 'related'>, hashes: ReadonlyMap<string, string>): boolean {
  return hashes.has(finding.secretSha256) || (finding.related !== undefined && hashes.has(finding.related.secretSha256));
}

export function partitionCanaryFindings<F extends Pick<Finding, 'secretSha256' | 'related'>>(
  findings: readonly F[],
  hashes: ReadonlyMap<string, string>,
): { kept: F[]; canaries: F[] } {
  const kept: F[] = [];
  const canaries: F[] = [];
  for (const f of findings) (isCanaryFinding(f, hashes) ? canaries : kept).push(f);
  return { kept, canaries };
}
