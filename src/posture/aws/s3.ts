/**
 * The S3 bucket-configuration reads of the posture checks, one function per command. "Not
 * configured" answers (no policy, no tag set, no encryption rule) come back as undefined, not
 * as errors; every other error is the caller's.
 */
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
} from '@aws-sdk/client-s3';
import type { Grant, PublicAccessBlockConfiguration, S3Client, ServerSideEncryptionRule } from '@aws-sdk/client-s3';

async function unlessAbsent<T>(absent: readonly string[], run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (err) {
    if (absent.includes((err as Error).name)) return undefined;
    throw err;
  }
}

export async function listBuckets(client: S3Client): Promise<string[]> {
  const names: string[] = [];
  for await (const page of paginateListBuckets({ client }, {})) {
    for (const bucket of page.Buckets ?? []) if (bucket.Name !== undefined) names.push(bucket.Name);
  }
  return names;
}

export async function getBucketTags(client: S3Client, bucket: string): Promise<Record<string, string>> {
  const out = await unlessAbsent(['NoSuchTagSet'], () => client.send(new GetBucketTaggingCommand({ Bucket: bucket })));
  return Object.fromEntries((out?.TagSet ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
}

export async function getBucketPublicAccessBlock(client: S3Client, bucket: string): Promise<PublicAccessBlockConfiguration | undefined> {
  const out = await unlessAbsent(['NoSuchPublicAccessBlockConfiguration'], () => client.send(new GetPublicAccessBlockCommand({ Bucket: bucket })));
  return out?.PublicAccessBlockConfiguration;
}

/** Whether the bucket policy grants public access, as S3 itself judges it. */
export async function isBucketPolicyPublic(client: S3Client, bucket: string): Promise<boolean> {
  const out = await unlessAbsent(['NoSuchBucketPolicy'], () => client.send(new GetBucketPolicyStatusCommand({ Bucket: bucket })));
  return out?.PolicyStatus?.IsPublic === true;
}

export async function getBucketAclGrants(client: S3Client, bucket: string): Promise<Grant[]> {
  const out = await client.send(new GetBucketAclCommand({ Bucket: bucket }));
  return out.Grants ?? [];
}

export async function getBucketEncryptionRules(client: S3Client, bucket: string): Promise<ServerSideEncryptionRule[] | undefined> {
  const out = await unlessAbsent(['ServerSideEncryptionConfigurationNotFoundError'], () => client.send(new GetBucketEncryptionCommand({ Bucket: bucket })));
  return out?.ServerSideEncryptionConfiguration?.Rules;
}

export async function getBucketVersioningStatus(client: S3Client, bucket: string): Promise<string | undefined> {
  const out = await client.send(new GetBucketVersioningCommand({ Bucket: bucket }));
  return out.Status;
}

/** The bucket access logs go to, if server access logging is on. */
export async function getBucketLoggingTarget(client: S3Client, bucket: string): Promise<string | undefined> {
  const out = await client.send(new GetBucketLoggingCommand({ Bucket: bucket }));
  return out.LoggingEnabled?.TargetBucket;
}

/** The bucket's region; S3 answers an empty constraint for us-east-1. */
export async function getBucketRegion(client: S3Client, bucket: string): Promise<string> {
  const out = await client.send(new GetBucketLocationCommand({ Bucket: bucket }));
  const constraint = out.LocationConstraint as string | undefined;
  return constraint === undefined || constraint === '' ? 'us-east-1' : constraint === 'EU' ? 'eu-west-1' : constraint;
}
