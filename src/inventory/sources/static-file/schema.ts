/**
 * The static inventory file (see config/inventory.example.yaml and docs/inventory.md).
 */
import { z } from 'zod';
import { CLASSIFICATIONS } from '../../../config/options.js';
import { ec2ResourceType } from '../../../domain/code-store.js';

/** S3 bucket names as AWS allows them today: 3–63 of lowercase letters, digits, `.` and `-`. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

const entrySchema = z
  .strictObject({
    name: z.string().min(1).optional(),
    url: z.string().min(1).optional(),
    path: z.string().min(1).optional(),
    region: z.string().min(1).optional(),
    owner: z.email().optional(),
    team: z.string().min(1).optional(),
    escalation: z.array(z.email()).optional(),
    snsTopicArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}$/, 'Not an SNS topic ARN')
      .optional(),
    classification: z.enum(CLASSIFICATIONS).optional(),
    tags: z.record(z.string(), z.string()).optional(),
    /** `git` (the default): a repository; `s3`: a bucket (and prefix) of code; `ec2`: an EC2 code store. */
    kind: z.enum(['git', 's3', 'ec2']).optional(),
    bucket: z.string().regex(BUCKET, 'Not an S3 bucket name').optional(),
    prefix: z.string().min(1).optional(),
    resourceId: z
      .string()
      .refine((id) => ec2ResourceType(id) !== undefined, 'Not an EC2 instance (i-…), AMI (ami-…) or EBS snapshot (snap-…) id')
      .optional(),
    writers: z.array(z.string().regex(/^arn:aws[a-z-]*:(iam|sts)::[\d*]{12}:.+$|^\*$/, 'Not a principal ARN (pattern)')).optional(),
  })
  .refine((entry) => (entry.kind ?? 'git') !== 's3' || entry.bucket !== undefined, { message: 'An s3 entry needs a bucket' })
  .refine((entry) => (entry.kind ?? 'git') !== 'ec2' || entry.resourceId !== undefined, { message: 'An ec2 entry needs a resourceId (instance, AMI or snapshot id)' })
  .refine((entry) => (entry.kind ?? 'git') === 'git' || (entry.url === undefined && entry.path === undefined), {
    message: 'An s3 or ec2 entry names its location with bucket/prefix or resourceId, not url or path',
  })
  .refine(
    (entry) =>
      (entry.kind === 's3' || (entry.bucket === undefined && entry.prefix === undefined)) &&
      (entry.kind === 'ec2' || entry.resourceId === undefined) &&
      (entry.kind === 's3' || entry.kind === 'ec2' || entry.writers === undefined),
    { message: 'bucket and prefix belong to kind: s3, resourceId to kind: ec2, writers to either' },
  )
  .refine((entry) => !(entry.url !== undefined && entry.path !== undefined), {
    message: 'Give either url or path, not both',
  })
  .refine((entry) => entry.kind === 's3' || entry.kind === 'ec2' || entry.name !== undefined || entry.url !== undefined || entry.path !== undefined, {
    message: 'An entry needs a name, a url or a path',
  })
  .refine((entry) => !(entry.path !== undefined && entry.name !== undefined), {
    message: 'A path pattern names its repositories after their directories; remove name',
  });

export const staticInventorySchema = z.strictObject({
  repositories: z.array(entrySchema).default([]),
});

export type StaticInventoryEntry = z.infer<typeof entrySchema>;
export type StaticInventory = z.infer<typeof staticInventorySchema>;
