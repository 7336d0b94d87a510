/**
 * The replacement key an incident's timeline already records as stored, so a rerun neither
 * creates another nor loses where the owner fetches it.
 */
import type { Incident } from '../../../domain/incident.js';
import type { StoredReplacement } from './create-replacement-key.js';
import { REPLACEMENT_ACTION } from './create-replacement-key.js';

export function replacementOnRecord(incident: Incident, userName: string): StoredReplacement | undefined {
  const entry = incident.timeline.find(
    (e) => e.action === REPLACEMENT_ACTION && e.outcome === 'ok' && e.data?.userName === userName && typeof e.data.secretName === 'string',
  );
  if (entry?.data === undefined) return undefined;
  const { secretName, secretArn, accessKey } = entry.data;
  return {
    secretName: String(secretName),
    secretArn: typeof secretArn === 'string' ? secretArn : undefined,
    accessKey: typeof accessKey === 'string' ? accessKey : '',
  };
}
