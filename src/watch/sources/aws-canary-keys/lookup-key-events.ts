/**
 * Every call CloudTrail event history recorded for one access key in one region since a time:
 * LookupEvents with the `AccessKeyId` lookup attribute, paginated, at most 2 requests per second
 * (the API's limit per account and region) and at most 90 days back (what event history keeps).
 */
import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { z } from 'zod';
import type { RateLimiter } from '../../../util/create-rate-limiter.js';
import type { CanaryKeyUse } from '../../types.js';

const EVENT_HISTORY_MS = 90 * 86_400_000;

const pageSchema = z.object({
  NextToken: z.string().optional(),
  Events: z
    .array(
      z.object({
        EventId: z.string(),
        EventName: z.string().optional(),
        EventTime: z.date().optional(),
        EventSource: z.string().optional(),
        CloudTrailEvent: z.string().optional(),
      }),
    )
    .default([]),
});

const detailSchema = z.object({
  sourceIPAddress: z.string().optional(),
  userAgent: z.string().optional(),
  awsRegion: z.string().optional(),
  errorCode: z.string().optional(),
});

export interface KeyEventsQuery {
  cloudtrail: CloudTrailClient;
  region: string;
  accessKeyId: string;
  /** Undefined: as far back as event history goes. */
  since: Date | undefined;
  now: Date;
  limiter: RateLimiter;
  /** Stop after this many events (a key in heavy use must not stall the watch). */
  maxEvents: number;
}

export interface KeyEvents {
  uses: CanaryKeyUse[];
  requests: number;
  truncated: boolean;
}

export async function lookupKeyEvents(q: KeyEventsQuery): Promise<KeyEvents> {
  const oldest = new Date(q.now.getTime() - EVENT_HISTORY_MS);
  const start = q.since === undefined || q.since < oldest ? oldest : q.since;
  const uses: CanaryKeyUse[] = [];
  let requests = 0;
  let nextToken: string | undefined;
  do {
    await q.limiter.acquire();
    requests++;
    const page = pageSchema.parse(
      await q.cloudtrail.send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: 'AccessKeyId', AttributeValue: q.accessKeyId }],
          StartTime: start,
          EndTime: q.now,
          MaxResults: 50,
          NextToken: nextToken,
        }),
      ),
    );
    for (const event of page.Events) uses.push(toUse(event, q.region));
    nextToken = page.NextToken;
    if (uses.length >= q.maxEvents && nextToken !== undefined) return { uses: oldestFirst(uses), requests, truncated: true };
  } while (nextToken !== undefined);
  return { uses: oldestFirst(uses), requests, truncated: false };
}

function toUse(event: z.infer<typeof pageSchema>['Events'][number], region: string): CanaryKeyUse {
  const detail = parseDetail(event.CloudTrailEvent);
  const use: CanaryKeyUse = {
    eventId: event.EventId,
    eventName: event.EventName ?? 'unknown',
    eventSource: event.EventSource ?? 'unknown',
    time: (event.EventTime ?? new Date(0)).toISOString(),
    sourceIp: detail.sourceIPAddress ?? 'unknown',
    userAgent: detail.userAgent ?? 'unknown',
    region: detail.awsRegion ?? region,
  };
  if (detail.errorCode !== undefined) use.errorCode = detail.errorCode;
  return use;
}

function parseDetail(json: string | undefined): z.infer<typeof detailSchema> {
  if (json === undefined) return {};
  try {
    const parsed = detailSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function oldestFirst(uses: CanaryKeyUse[]): CanaryKeyUse[] {
  return uses.sort((a, b) => a.time.localeCompare(b.time));
}
