/**
 * Who pulled or pushed a CodeCommit repository since an exposure, from CloudTrail event history:
 * LookupEvents on EventSource codecommit.amazonaws.com (the only lookup attribute that narrows to
 * Git traffic), paginated, at most 2 requests per second (the API's limit per account and region),
 * and at most 90 days back (how long event history keeps events).
 */
import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { z } from 'zod';
import { createRateLimiter } from '../../util/create-rate-limiter.js';
import type { RateLimiter } from '../../util/create-rate-limiter.js';
import { wildcardToRegExp } from '../../util/glob-matcher.js';

export const EVENT_HISTORY_DAYS = 90;
const DAY_MS = 86_400_000;

const pageSchema = z.object({
  NextToken: z.string().optional(),
  Events: z
    .array(
      z.object({
        EventId: z.string().optional(),
        EventName: z.string().optional(),
        CloudTrailEvent: z.string().optional(),
      }),
    )
    .default([]),
});

const repoFields = z.object({ repositoryName: z.string().optional() }).nullish();
const eventSchema = z.object({
  eventTime: z.string(),
  eventName: z.string(),
  sourceIPAddress: z.string().optional(),
  userAgent: z.string().optional(),
  userIdentity: z.object({ type: z.string().optional(), arn: z.string().optional(), principalId: z.string().optional() }).optional(),
  requestParameters: repoFields,
  additionalEventData: repoFields,
});

export interface CodeCommitAccess {
  eventId: string;
  eventName: 'GitPull' | 'GitPush';
  at: Date;
  identityArn: string;
  identityType: string;
  sourceIp: string;
  userAgent: string;
  unusual: boolean;
}

export interface CodeCommitAccessReport {
  repository: string;
  start: Date;
  end: Date;
  /** The exposure is older than event history: earlier accesses are not covered. */
  windowClipped: boolean;
  accesses: CodeCommitAccess[];
  /** Stopped at maxEvents. */
  truncated: boolean;
}

export interface LookupCodeCommitAccessInput {
  cloudtrail: CloudTrailClient;
  repository: string;
  since: Date;
  now: Date;
  /** ARNs or globs (`arn:aws:sts::123456789012:assumed-role/ci-*`) expected to touch the repository. */
  knownPrincipals: string[];
  limiter?: RateLimiter;
  maxEvents?: number;
}

/** An assumed-role session also matches its role's ARN, which is what people list. */
function identityForms(arn: string): string[] {
  const m = /^arn:([^:]+):sts::(\d+):assumed-role\/([^/]+)\/.+$/.exec(arn);
  return m === null ? [arn] : [arn, `arn:${m[1]}:iam::${m[2]}:role/${m[3]}`];
}

export function isKnownPrincipal(arn: string, knownPrincipals: string[]): boolean {
  const patterns = knownPrincipals.map(wildcardToRegExp);
  return identityForms(arn).some((form) => patterns.some((p) => p.test(form)));
}

export async function lookupCodeCommitAccess(input: LookupCodeCommitAccessInput): Promise<CodeCommitAccessReport> {
  const limiter = input.limiter ?? createRateLimiter({ perSecond: 2 });
  const maxEvents = input.maxEvents ?? 10_000;
  const oldest = new Date(input.now.getTime() - EVENT_HISTORY_DAYS * DAY_MS);
  const windowClipped = input.since < oldest;
  const start = windowClipped ? oldest : input.since;
  const accesses: CodeCommitAccess[] = [];
  let nextToken: string | undefined;
  let seen = 0;
  do {
    await limiter.acquire();
    const page = pageSchema.parse(
      await input.cloudtrail.send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'codecommit.amazonaws.com' }],
          StartTime: start,
          EndTime: input.now,
          MaxResults: 50,
          NextToken: nextToken,
        }),
      ),
    );
    for (const raw of page.Events) {
      seen += 1;
      if (raw.EventName !== 'GitPull' && raw.EventName !== 'GitPush') continue;
      const access = parseAccess(raw.EventId ?? '', raw.CloudTrailEvent, input);
      if (access !== undefined) accesses.push(access);
    }
    nextToken = page.NextToken;
    if (seen >= maxEvents && nextToken !== undefined) {
      return { repository: input.repository, start, end: input.now, windowClipped, accesses, truncated: true };
    }
  } while (nextToken !== undefined);
  return { repository: input.repository, start, end: input.now, windowClipped, accesses, truncated: false };
}

function parseAccess(eventId: string, json: string | undefined, input: LookupCodeCommitAccessInput): CodeCommitAccess | undefined {
  if (json === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  const event = eventSchema.safeParse(parsed);
  if (!event.success) return undefined;
  const e = event.data;
  const repo = e.additionalEventData?.repositoryName ?? e.requestParameters?.repositoryName;
  if (repo !== input.repository || (e.eventName !== 'GitPull' && e.eventName !== 'GitPush')) return undefined;
  const identityArn = e.userIdentity?.arn ?? e.userIdentity?.principalId ?? 'unknown';
  return {
    eventId,
    eventName: e.eventName,
    at: new Date(e.eventTime),
    identityArn,
    identityType: e.userIdentity?.type ?? 'unknown',
    sourceIp: e.sourceIPAddress ?? 'unknown',
    userAgent: e.userAgent ?? 'unknown',
    unusual: !isKnownPrincipal(identityArn, input.knownPrincipals),
  };
}
