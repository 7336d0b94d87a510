/** The CloudTrail reads of the posture checks, one function per command. */
import { DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import type { CloudTrailClient, GetEventSelectorsCommandOutput, Trail } from '@aws-sdk/client-cloudtrail';

/** Every trail that applies to the client's region, multi-region trails of other home regions included. */
export async function describeTrails(client: CloudTrailClient): Promise<Trail[]> {
  const out = await client.send(new DescribeTrailsCommand({ includeShadowTrails: true }));
  return out.trailList ?? [];
}

export async function isTrailLogging(client: CloudTrailClient, trailArn: string): Promise<boolean> {
  const out = await client.send(new GetTrailStatusCommand({ Name: trailArn }));
  return out.IsLogging === true;
}

export async function getEventSelectors(client: CloudTrailClient, trailArn: string): Promise<GetEventSelectorsCommandOutput> {
  return client.send(new GetEventSelectorsCommand({ TrailName: trailArn }));
}
