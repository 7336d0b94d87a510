/**
 * Forensics for an incident, once: who pulled or pushed the repository since the exposure
 * (CloudTrail), and for an AWS key its last use, attached to the timeline (actor attribution).
 */
import type { EngineDeps } from './engine-deps.js';
import { investigateCodeCommitExposure } from './forensics/cloudtrail.js';
import type { IncidentRecord } from './incident-store.js';
import type { SecretLoader } from './load-incident-secret.js';
import { recordResult } from './record-result.js';
import { accessKeyIdOf } from '../aws/access-key-id.js';
import { runOnce } from './run-once.js';
import type { OnceOutcome } from './run-once.js';

export async function investigateIncident(deps: EngineDeps, record: IncidentRecord, loadSecret: SecretLoader): Promise<OnceOutcome[]> {
  const { cloudtrail, iam } = deps.clients;
  if (cloudtrail === undefined) return [];
  const outcome = await runOnce(deps, record, 'forensics.cloudtrail', async () => {
    const secret = record.ruleFamily === 'aws' ? await loadSecret() : undefined;
    const accessKeyId = secret === undefined ? undefined : accessKeyIdOf(secret);
    const result = await investigateCodeCommitExposure({
      incident: record,
      clients: { cloudtrail, ...(iam === undefined ? {} : { iam }) },
      options: { knownPrincipals: deps.knownPrincipals ?? [] },
      ...(accessKeyId === undefined ? {} : { accessKeyId }),
      log: deps.log.child({ incident: record.id }),
      now: deps.now,
    });
    recordResult(deps.store, record, result, deps.now());
    return result.entries;
  });
  return [outcome];
}
