/**
 * Source: CloudTrail event history around code stores, in every region of `indicators.regions`:
 * the management events that open a bucket, AMI or snapshot to the public or remove its Block
 * Public Access (domain/indicator.ts MANAGEMENT_EVENT_NAMES), looked up by event name. Object
 * events (PutObject, DeleteObject, PutObjectAcl) are data events, which event history does not
 * keep: they reach leakwatch through EventBridge and the webhook. The engine decides whether an
 * event concerns one of our code stores. Cursor and look-back as the canary source.
 */
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { z } from 'zod';
import { MANAGEMENT_EVENT_NAMES } from '../../../domain/indicator.js';
import { createRateLimiter } from '../../../util/create-rate-limiter.js';
import type { RateLimiter } from '../../../util/create-rate-limiter.js';
import { parseCloudTrailEvent } from '../../indicators/parse-cloudtrail-event.js';
import type { SourceContext, SourceDeps, SourceReport, WatchSource } from '../types.js';

export const SOURCE_ID = 'aws-cloudtrail-code-stores';
const DELIVERY_LAG_MS = 3_600_000;
const FIRST_WINDOW_MS = 86_400_000;
const MAX_EVENTS = 1000;

const pageSchema = z.object({
  NextToken: z.string().optional(),
  Events: z.array(z.object({ EventId: z.string().optional(), CloudTrailEvent: z.string().optional() })).default([]),
});

function parse(json: string | undefined): unknown {
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

export function createAwsCloudTrailCodeStoresSource(deps: SourceDeps = {}): WatchSource {
  const clientFor = deps.cloudtrail ?? ((region: string) => new CloudTrailClient({ region }));
  const clients = new Map<string, CloudTrailClient>();
  const limiters = new Map<string, RateLimiter>();

  async function pollRegion(ctx: SourceContext, region: string): Promise<number> {
    let client = clients.get(region);
    if (client === undefined) clients.set(region, (client = clientFor(region)));
    let limiter = limiters.get(region);
    if (limiter === undefined) limiters.set(region, (limiter = createRateLimiter({ perSecond: 2, ...(deps.sleep ? { sleep: deps.sleep } : {}) })));
    const cursorKey = `${SOURCE_ID}:since:${region}`;
    const stored = ctx.state.get(cursorKey);
    const now = ctx.now();
    const start = new Date(stored === undefined ? now - FIRST_WINDOW_MS : Date.parse(stored) - DELIVERY_LAG_MS);
    let requests = 0;
    let allDelivered = true;
    for (const name of MANAGEMENT_EVENT_NAMES) {
      let token: string | undefined;
      let seen = 0;
      do {
        await limiter.acquire();
        requests++;
        const page = pageSchema.parse(await client.send(new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: name }],
          StartTime: start,
          EndTime: new Date(now),
          MaxResults: 50,
          NextToken: token,
        })));
        for (const event of page.Events) {
          seen++;
          const indicator = parseCloudTrailEvent(parse(event.CloudTrailEvent));
          if (indicator === undefined || ctx.state.hasSeen(SOURCE_ID, indicator.id)) continue;
          if (await ctx.indicate(indicator)) ctx.state.markSeen(SOURCE_ID, indicator.id);
          else allDelivered = false;
        }
        token = page.NextToken;
      } while (token !== undefined && seen < MAX_EVENTS);
      if (token !== undefined) {
        ctx.log.warn({ region, eventName: name, events: seen }, 'CloudTrail lookup cut short; the rest come next poll');
        allDelivered = false;
      }
    }
    if (allDelivered) ctx.state.set(cursorKey, new Date(now).toISOString());
    return requests;
  }

  async function poll(ctx: SourceContext): Promise<SourceReport> {
    if (!ctx.settings.cloudtrailCodeStores) return { requests: 0, candidates: 0, skipped: 'disabled' };
    let requests = 0;
    for (const region of ctx.settings.indicatorRegions) {
      try {
        requests += await pollRegion(ctx, region);
      } catch (err) {
        ctx.log.warn({ region, err }, 'CloudTrail lookup of code-store events failed');
      }
    }
    return { requests, candidates: 0 };
  }

  return { id: SOURCE_ID, poll };
}
