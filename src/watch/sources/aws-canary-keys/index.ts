/**
 * Source: uses of our AWS canary keys. Each configured key (an IAM user with no permissions,
 * planted in one repository) is looked up in the CloudTrail event history of each configured
 * region; any recorded call means someone holds a copy of that repository, and is reported as
 * a code exposure of it. The cursor per key and region is the start of the last poll that
 * finished; each poll looks back a further hour because CloudTrail lists events some minutes
 * after they happen, and seen event ids make that overlap free of repeats. A key or region
 * that fails is logged and retried next time from the same cursor; the others go on.
 */
import { createHash } from 'node:crypto';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { createRateLimiter } from '../../../util/create-rate-limiter.js';
import type { RateLimiter } from '../../../util/create-rate-limiter.js';
import type { SourceContext, SourceDeps, SourceReport, WatchSource } from '../types.js';
import { canaryExposure, redactKeyId } from './canary-exposure.js';
import { lookupKeyEvents } from './lookup-key-events.js';

export const SOURCE_ID = 'aws-canary-keys';
/** CloudTrail usually lists an event within 5 minutes, rarely after 15; an hour leaves room. */
export const DELIVERY_LAG_MS = 3_600_000;
const MAX_EVENTS_PER_KEY = 500;

export function createAwsCanaryKeysSource(deps: SourceDeps = {}): WatchSource {
  const clientFor = deps.cloudtrail ?? ((region: string) => new CloudTrailClient({ region }));
  const clients = new Map<string, CloudTrailClient>();
  const limiters = new Map<string, RateLimiter>();
  const client = (region: string): CloudTrailClient => {
    let c = clients.get(region);
    if (c === undefined) clients.set(region, (c = clientFor(region)));
    return c;
  };
  const limiter = (region: string): RateLimiter => {
    let l = limiters.get(region);
    if (l === undefined) limiters.set(region, (l = createRateLimiter({ perSecond: 2, ...(deps.sleep ? { sleep: deps.sleep } : {}) })));
    return l;
  };

  async function poll(ctx: SourceContext): Promise<SourceReport> {
    const keys = ctx.settings.canaryKeys;
    if (keys.length === 0) return { requests: 0, candidates: 0, skipped: 'no-canary-keys' };
    let requests = 0;
    for (const region of ctx.settings.canaryRegions) {
      for (const key of keys) {
        const log = ctx.log.child({ region, repository: key.repository, key: redactKeyId(key.accessKeyId) });
        const cursorKey = `${SOURCE_ID}:since:${region}:${keyTag(key.accessKeyId)}`;
        const stored = ctx.state.get(cursorKey);
        const pollStart = new Date(ctx.now());
        try {
          const found = await lookupKeyEvents({
            cloudtrail: client(region),
            region,
            accessKeyId: key.accessKeyId,
            since: stored === undefined ? undefined : new Date(Date.parse(stored) - DELIVERY_LAG_MS),
            now: pollStart,
            limiter: limiter(region),
            maxEvents: MAX_EVENTS_PER_KEY,
          });
          requests += found.requests;
          const fresh = found.uses.filter((u) => !ctx.state.hasSeen(SOURCE_ID, u.eventId));
          if (fresh.length > 0) {
            log.warn({ uses: fresh.length, truncated: found.truncated }, 'Canary key used');
            await ctx.report(canaryExposure(key.repository, key.accessKeyId, fresh, SOURCE_ID));
            // Marked only once the incident has them: a crash before this reports them again.
            for (const use of fresh) ctx.state.markSeen(SOURCE_ID, use.eventId);
          }
          ctx.state.set(cursorKey, pollStart.toISOString());
        } catch (err) {
          log.warn({ err }, 'CloudTrail lookup of a canary key failed');
        }
      }
    }
    return { requests, candidates: 0 };
  }

  return { id: SOURCE_ID, poll };
}

/** State keys name a key by hash: the watch state holds no key ids. */
function keyTag(accessKeyId: string): string {
  return createHash('sha256').update(accessKeyId).digest('hex').slice(0, 16);
}
