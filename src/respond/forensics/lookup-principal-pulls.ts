/**
 * Which CodeCommit repositories a principal pulled (CloudTrail `GitPull`) in event history's
 * 90 days: LookupEvents by the principal's access key id, else its user name, paginated, at
 * most 2 requests per second, stopping after `maxEvents` events.
 */
import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { z } from 'zod';
import { createRateLimiter } from '../../util/create-rate-limiter.js';
import type { RateLimiter } from '../../util/create-rate-limiter.js';

const pageSchema = z.object({
  NextToken: z.string().optional(),
  Events: z.array(z.object({ EventName: z.string().optional(), CloudTrailEvent: z.string().optional() })).default([]),
});
const repoSchema = z.object({
  requestParameters: z.object({ repositoryName: z.string().optional() }).nullish(),
  additionalEventData: z.object({ repositoryName: z.string().optional() }).nullish(),
});

export interface PrincipalPullsQuery {
  cloudtrail: CloudTrailClient;
  accessKeyId?: string;
  userName?: string;
  now: Date;
  limiter?: RateLimiter;
  maxEvents?: number;
}

function repositoryOf(json: string | undefined): string | undefined {
  if (json === undefined) return undefined;
  try {
    const parsed = repoSchema.safeParse(JSON.parse(json));
    if (!parsed.success) return undefined;
    return parsed.data.requestParameters?.repositoryName ?? parsed.data.additionalEventData?.repositoryName;
  } catch {
    return undefined;
  }
}

export async function lookupPrincipalPulls(q: PrincipalPullsQuery): Promise<string[]> {
  const attribute = q.accessKeyId !== undefined
    ? { AttributeKey: 'AccessKeyId' as const, AttributeValue: q.accessKeyId }
    : q.userName !== undefined ? { AttributeKey: 'Username' as const, AttributeValue: q.userName } : undefined;
  if (attribute === undefined) return [];
  const limiter = q.limiter ?? createRateLimiter({ perSecond: 2 });
  const maxEvents = q.maxEvents ?? 2000;
  const repositories = new Set<string>();
  let seen = 0;
  let token: string | undefined;
  do {
    await limiter.acquire();
    const page = pageSchema.parse(await q.cloudtrail.send(new LookupEventsCommand({
      LookupAttributes: [attribute],
      StartTime: new Date(q.now.getTime() - 90 * 86_400_000),
      EndTime: q.now,
      MaxResults: 50,
      NextToken: token,
    })));
    for (const event of page.Events) {
      seen++;
      if (event.EventName !== 'GitPull') continue;
      const name = repositoryOf(event.CloudTrailEvent);
      if (name !== undefined) repositories.add(name);
    }
    token = page.NextToken;
  } while (token !== undefined && seen < maxEvents);
  return [...repositories].sort();
}
