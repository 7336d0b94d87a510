/** The GuardDuty reads of the posture checks: the region's detectors and their status. */
import { GetDetectorCommand, paginateListDetectors } from '@aws-sdk/client-guardduty';
import type { GuardDutyClient } from '@aws-sdk/client-guardduty';

export async function listDetectorIds(client: GuardDutyClient): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of paginateListDetectors({ client }, {})) ids.push(...(page.DetectorIds ?? []));
  return ids;
}

export async function getDetectorStatus(client: GuardDutyClient, detectorId: string): Promise<string | undefined> {
  const out = await client.send(new GetDetectorCommand({ DetectorId: detectorId }));
  return out.Status;
}
