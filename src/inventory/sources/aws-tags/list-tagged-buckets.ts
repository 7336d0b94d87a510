/**
 * S3 buckets carrying the code tag: ListBuckets (paged), then GetBucketTagging per bucket. A
 * bucket without tags answers NoSuchTagSet, which is "no tags", not an error; a bucket whose tags
 * cannot be read is reported to `onUnreadable` so it is said, not silently left out.
 */
import { GetBucketTaggingCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';

const pageSchema = z.object({
  Buckets: z.array(z.object({ Name: z.string().min(1), BucketRegion: z.string().optional() })).optional(),
  ContinuationToken: z.string().min(1).optional(),
});
const tagsSchema = z.object({ TagSet: z.array(z.object({ Key: z.string(), Value: z.string() })).optional() });

export interface TaggedBucket {
  name: string;
  region?: string;
  tags: Record<string, string>;
}

export async function listTaggedBuckets(s3: S3Client, codeTag: string, onUnreadable: (bucket: string, err: unknown) => void): Promise<TaggedBucket[]> {
  const found: TaggedBucket[] = [];
  let token: string | undefined;
  do {
    const page = pageSchema.parse(await s3.send(new ListBucketsCommand({ ContinuationToken: token, MaxBuckets: 1000 })));
    for (const bucket of page.Buckets ?? []) {
      let tags: Record<string, string>;
      try {
        const out = tagsSchema.parse(await s3.send(new GetBucketTaggingCommand({ Bucket: bucket.Name })));
        tags = Object.fromEntries((out.TagSet ?? []).map((t) => [t.Key, t.Value]));
      } catch (err) {
        if ((err as { name?: string }).name !== 'NoSuchTagSet') onUnreadable(bucket.Name, err);
        continue;
      }
      if (tags[codeTag]?.trim().toLowerCase() !== 'true') continue;
      found.push({ name: bucket.Name, ...(bucket.BucketRegion === undefined ? {} : { region: bucket.BucketRegion }), tags });
    }
    token = page.ContinuationToken;
  } while (token !== undefined);
  return found;
}
