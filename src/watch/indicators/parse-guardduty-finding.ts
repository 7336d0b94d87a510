/**
 * A GuardDuty finding (from GetFindings, or the `detail` of an EventBridge "GuardDuty Finding"
 * event) as an Indicator: its type, severity, the principal and access key it names, the remote
 * IP, the buckets and EC2 resources involved. Undefined for a finding whose type the playbook
 * does not name, or whose shape is not a finding.
 */
import { z } from 'zod';
import { isPublicIp } from '../../aws/is-public-ip.js';
import { PLAYBOOK_FINDING_TYPES } from '../../domain/indicator.js';
import type { Indicator } from '../../domain/indicator.js';
import { camelKeys } from './camel-keys.js';

const ip = z.object({ ipAddressV4: z.string().optional(), ipAddressV6: z.string().optional() }).partial().optional();
const findingSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  title: z.string().optional(),
  severity: z.number().optional(),
  region: z.string().min(1),
  accountId: z.string().optional(),
  updatedAt: z.union([z.string(), z.date()]).optional(),
  resource: z
    .object({
      accessKeyDetails: z.object({ accessKeyId: z.string().optional(), principalId: z.string().optional(), userName: z.string().optional(), userType: z.string().optional() }).partial().optional(),
      instanceDetails: z.object({ instanceId: z.string().optional(), imageId: z.string().optional() }).partial().optional(),
      s3BucketDetails: z.array(z.object({ name: z.string().optional(), arn: z.string().optional() }).partial()).optional(),
    })
    .partial()
    .optional(),
  service: z
    .object({
      action: z
        .object({
          awsApiCallAction: z.object({ remoteIpDetails: ip }).partial().optional(),
          networkConnectionAction: z.object({ remoteIpDetails: ip }).partial().optional(),
        })
        .partial()
        .optional(),
    })
    .partial()
    .optional(),
});

const TYPES: ReadonlySet<string> = new Set(PLAYBOOK_FINDING_TYPES);

function findingUrl(region: string, id: string): string {
  return `https://${region}.console.aws.amazon.com/guardduty/home?region=${region}#/findings?fId=${encodeURIComponent(id)}`;
}

export function parseGuardDutyFinding(input: unknown): Indicator | undefined {
  const parsed = findingSchema.safeParse(camelKeys(input));
  if (!parsed.success || !TYPES.has(parsed.data.type)) return undefined;
  const f = parsed.data;
  const key = f.resource?.accessKeyDetails;
  const action = f.service?.action;
  const remote = action?.awsApiCallAction?.remoteIpDetails ?? action?.networkConnectionAction?.remoteIpDetails;
  const sourceIp = remote?.ipAddressV4 ?? remote?.ipAddressV6;
  const time = f.updatedAt instanceof Date ? f.updatedAt.toISOString() : (f.updatedAt ?? new Date(0).toISOString());
  const indicator: Indicator = {
    id: f.id,
    source: 'guardduty',
    type: f.type,
    title: f.title ?? f.type,
    effect: 'finding',
    time,
    region: f.region,
    fromPublicIp: isPublicIp(sourceIp),
    buckets: (f.resource?.s3BucketDetails ?? []).flatMap((b) => (b.name === undefined ? [] : [b.name])),
    resourceIds: [f.resource?.instanceDetails?.instanceId, f.resource?.instanceDetails?.imageId].filter((x): x is string => x !== undefined),
    url: findingUrl(f.region, f.id),
  };
  if (f.severity !== undefined) indicator.severity = f.severity;
  if (f.accountId !== undefined) indicator.accountId = f.accountId;
  if (key?.accessKeyId !== undefined && key.accessKeyId !== 'GeneratedFindingAccessKeyId') indicator.accessKeyId = key.accessKeyId;
  if (key?.userName !== undefined) indicator.userName = key.userName;
  if (key?.userName !== undefined && f.accountId !== undefined) {
    indicator.principalArn = key.userType === 'AssumedRole' ? `arn:aws:sts::${f.accountId}:assumed-role/${key.userName}` : `arn:aws:iam::${f.accountId}:user/${key.userName}`;
  }
  if (sourceIp !== undefined) indicator.sourceIp = sourceIp;
  return indicator;
}
