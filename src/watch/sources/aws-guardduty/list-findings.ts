/**
 * GuardDuty findings of the playbook's types updated since a time, in one region: every detector
 * (ListDetectors), ListFindings filtered by type and `updatedAt` (paged), then GetFindings in
 * batches of 50 (the API limit). Stops after `maxFindings` so a noisy account cannot stall the watch.
 */
import { GetFindingsCommand, ListDetectorsCommand, ListFindingsCommand } from '@aws-sdk/client-guardduty';
import type { GuardDutyClient, ListFindingsCommandOutput } from '@aws-sdk/client-guardduty';
import { PLAYBOOK_FINDING_TYPES } from '../../../domain/indicator.js';

const BATCH = 50;

export interface FindingsPage {
  findings: unknown[];
  requests: number;
  truncated: boolean;
}

export async function listPlaybookFindings(client: GuardDutyClient, since: Date, maxFindings: number): Promise<FindingsPage> {
  let requests = 0;
  const detectorIds: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListDetectorsCommand({ NextToken: token }));
    requests++;
    detectorIds.push(...(page.DetectorIds ?? []));
    token = page.NextToken;
  } while (token !== undefined && token !== '');
  const findings: unknown[] = [];
  for (const detectorId of detectorIds) {
    const ids: string[] = [];
    token = undefined;
    do {
      const page: ListFindingsCommandOutput = await client.send(new ListFindingsCommand({
        DetectorId: detectorId,
        FindingCriteria: { Criterion: { type: { Eq: [...PLAYBOOK_FINDING_TYPES] }, updatedAt: { GreaterThanOrEqual: since.getTime() } } },
        SortCriteria: { AttributeName: 'updatedAt', OrderBy: 'ASC' },
        MaxResults: BATCH,
        NextToken: token,
      }));
      requests++;
      ids.push(...(page.FindingIds ?? []));
      token = page.NextToken;
    } while (token !== undefined && token !== '' && ids.length < maxFindings);
    for (let i = 0; i < ids.length && findings.length < maxFindings; i += BATCH) {
      const out = await client.send(new GetFindingsCommand({ DetectorId: detectorId, FindingIds: ids.slice(i, i + BATCH) }));
      requests++;
      findings.push(...(out.Findings ?? []));
    }
    if (findings.length >= maxFindings) return { findings: findings.slice(0, maxFindings), requests, truncated: true };
  }
  return { findings, requests, truncated: false };
}
