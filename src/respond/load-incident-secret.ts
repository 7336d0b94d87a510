/**
 * The secret of an incident, read again from a repository mirror when an action needs it
 * (`deps.recoverSecret`: the scanner's scan/recover-secret.ts, injected), or from S3 for a
 * location in an S3 code store (`deps.recoverS3Secret`). Memoised for one pass
 * over the incident so the blob is read once; the value lives only in the returned promise and
 * is never stored.
 */
import type { EngineDeps } from './engine-deps.js';
import type { IncidentRecord } from './incident-store.js';
import type { LeakedSecret } from '../domain/incident.js';

export type SecretLoader = () => Promise<LeakedSecret | undefined>;

export function incidentSecretLoader(deps: EngineDeps, record: IncidentRecord, gitDir: string | undefined): SecretLoader {
  let cached: Promise<LeakedSecret | undefined> | undefined;
  return () => {
    cached ??= (async () => {
      for (const loc of record.locations) {
        if (loc.path !== null && loc.path.startsWith('s3://') && deps.recoverS3Secret !== undefined) {
          const found = await deps.recoverS3Secret(loc.path, record.secretSha256s, deps.ruleset);
          if (found !== undefined) return found;
          continue;
        }
        const dir = gitDir !== undefined && loc.repository === record.repository.name ? gitDir : deps.gitDirFor?.(loc.repository);
        if (dir === undefined || (loc.blob === null && loc.commit === null)) continue;
        const found = await deps.recoverSecret(dir, loc, record.secretSha256s, deps.ruleset);
        if (found !== undefined) return found;
      }
      return undefined;
    })();
    return cached;
  };
}
