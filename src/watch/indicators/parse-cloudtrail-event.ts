/**
 * A CloudTrail record (LookupEvents' `CloudTrailEvent`, or the `detail` of an EventBridge "AWS
 * API Call via CloudTrail" event) about a code store as an Indicator, with what it did: made a
 * bucket, object, AMI or snapshot public, removed Block Public Access, wrote or deleted an object,
 * or changed access otherwise. Undefined for another event, or one that failed (an `errorCode`).
 */
import { z } from 'zod';
import { isPublicIp } from '../../aws/is-public-ip.js';
import { CODE_STORE_EVENT_NAMES } from '../../domain/indicator.js';
import type { Indicator, IndicatorEffect } from '../../domain/indicator.js';

const eventSchema = z.object({
  eventID: z.string().min(1),
  eventName: z.string().min(1),
  eventTime: z.string().min(1),
  awsRegion: z.string().min(1),
  sourceIPAddress: z.string().optional(),
  errorCode: z.string().optional(),
  recipientAccountId: z.string().optional(),
  userIdentity: z
    .object({ arn: z.string().optional(), accessKeyId: z.string().optional(), userName: z.string().optional(), accountId: z.string().optional() })
    .partial()
    .optional(),
  requestParameters: z.record(z.string(), z.unknown()).nullish(),
  responseElements: z.record(z.string(), z.unknown()).nullish(),
});

const NAMES: ReadonlySet<string> = new Set(CODE_STORE_EVENT_NAMES);
const PUBLIC_GROUPS = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/;
const PUBLIC_CANNED = new Set(['public-read', 'public-read-write', 'authenticated-read']);

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A policy statement that allows everyone (`"*"` or `{"AWS":"*"}`) with no condition. */
function policyIsPublic(policy: unknown): boolean {
  let doc = policy;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc) as unknown;
    } catch {
      return false;
    }
  }
  const statements = (doc as { Statement?: unknown } | null)?.Statement;
  const list = Array.isArray(statements) ? statements : statements === undefined ? [] : [statements];
  return list.some((s) => {
    const st = s as { Effect?: unknown; Principal?: unknown; Condition?: unknown };
    const p = st.Principal;
    const everyone = p === '*' || (typeof p === 'object' && p !== null && ((p as { AWS?: unknown }).AWS === '*' || (Array.isArray((p as { AWS?: unknown }).AWS) && ((p as { AWS: unknown[] }).AWS).includes('*'))));
    return st.Effect === 'Allow' && everyone && st.Condition === undefined;
  });
}

/** `add` lists holding `{ group: 'all' }` (ModifyImageAttribute, ModifySnapshotAttribute). */
function addsGroupAll(permission: unknown): boolean {
  const items = (permission as { add?: { items?: unknown } } | undefined)?.add?.items;
  return Array.isArray(items) && items.some((i) => (i as { group?: unknown }).group === 'all');
}

function effectOf(name: string, params: Record<string, unknown>): IndicatorEffect {
  switch (name) {
    case 'DeletePublicAccessBlock':
    case 'DeleteBucketPublicAccessBlock':
      return 'protection-removed';
    case 'PutBucketPolicy':
      return policyIsPublic(params['bucketPolicy'] ?? params['policy']) ? 'made-public' : 'access-change';
    case 'PutBucketAcl':
    case 'PutObjectAcl':
      return PUBLIC_CANNED.has(text(params['x-amz-acl']) ?? '') || PUBLIC_GROUPS.test(JSON.stringify(params)) ? 'made-public' : 'access-change';
    case 'PutObject':
      return PUBLIC_CANNED.has(text(params['x-amz-acl']) ?? '') ? 'made-public' : 'object-write';
    case 'DeleteObject':
      return 'object-delete';
    case 'ModifyImageAttribute':
      return addsGroupAll(params['launchPermission']) ? 'made-public' : 'access-change';
    case 'ModifySnapshotAttribute':
      return addsGroupAll(params['createVolumePermission']) ? 'made-public' : 'access-change';
    default:
      return 'access-change';
  }
}

function eventUrl(region: string, id: string): string {
  return `https://${region}.console.aws.amazon.com/cloudtrailv2/home?region=${region}#/events/${encodeURIComponent(id)}`;
}

export function parseCloudTrailEvent(input: unknown): Indicator | undefined {
  const parsed = eventSchema.safeParse(input);
  if (!parsed.success || !NAMES.has(parsed.data.eventName) || parsed.data.errorCode !== undefined) return undefined;
  const e = parsed.data;
  const params = e.requestParameters ?? {};
  const bucket = text(params['bucketName']);
  const key = text(params['key']);
  const resourceIds = [text(params['imageId']), text(params['snapshotId'])].filter((x): x is string => x !== undefined);
  const effect = effectOf(e.eventName, params);
  const indicator: Indicator = {
    id: e.eventID,
    source: 'cloudtrail',
    type: e.eventName,
    title: `${e.eventName} on ${bucket === undefined ? resourceIds.join(', ') || 'the account' : key === undefined ? bucket : `${bucket}/${key}`}`,
    effect,
    time: e.eventTime,
    region: e.awsRegion,
    fromPublicIp: isPublicIp(e.sourceIPAddress),
    buckets: bucket === undefined ? [] : [bucket],
    resourceIds,
    url: eventUrl(e.awsRegion, e.eventID),
  };
  const accountId = e.recipientAccountId ?? e.userIdentity?.accountId;
  if (accountId !== undefined) indicator.accountId = accountId;
  if (e.userIdentity?.arn !== undefined) indicator.principalArn = e.userIdentity.arn;
  if (e.userIdentity?.userName !== undefined) indicator.userName = e.userIdentity.userName;
  if (e.userIdentity?.accessKeyId !== undefined) indicator.accessKeyId = e.userIdentity.accessKeyId;
  if (e.sourceIPAddress !== undefined) indicator.sourceIp = e.sourceIPAddress;
  if (bucket !== undefined && key !== undefined) {
    const versionId = text(e.responseElements?.['x-amz-version-id']);
    indicator.object = { bucket, key, ...(versionId === undefined ? {} : { versionId }) };
  }
  return indicator;
}
