/**
 * Whether a bucket is open to Everyone or to any AWS user, as S3 would serve it: a public ACL
 * grant counts unless Block Public Access ignores public ACLs (bucket or account), a public
 * policy unless it restricts public buckets.
 */
import type { PublicAccessBlockConfiguration } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { getBucketAclGrants, getBucketPublicAccessBlock, isBucketPolicyPublic } from './aws/s3.js';

const PUBLIC_GROUPS: Record<string, string> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'Everyone',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'any AWS user',
};

/** The reasons the bucket is public; empty when it is not. */
export async function bucketExposure(client: S3Client, bucket: string, account: PublicAccessBlockConfiguration | undefined): Promise<string[]> {
  const own = await getBucketPublicAccessBlock(client, bucket);
  const ignoreAcls = own?.IgnorePublicAcls === true || account?.IgnorePublicAcls === true;
  const restrict = own?.RestrictPublicBuckets === true || account?.RestrictPublicBuckets === true;
  const reasons: string[] = [];
  if (!ignoreAcls) {
    for (const grant of await getBucketAclGrants(client, bucket)) {
      const who = PUBLIC_GROUPS[grant.Grantee?.URI ?? ''];
      if (who !== undefined) reasons.push(`its ACL grants ${grant.Permission} to ${who}`);
    }
  }
  if (!restrict && (await isBucketPolicyPublic(client, bucket))) reasons.push('its bucket policy is public');
  return reasons;
}

export function blocksEverything(config: PublicAccessBlockConfiguration | undefined): boolean {
  return config?.BlockPublicAcls === true && config.IgnorePublicAcls === true && config.BlockPublicPolicy === true && config.RestrictPublicBuckets === true;
}
