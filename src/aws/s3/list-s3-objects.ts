/** ListObjectsV2 under a prefix, every page: each object's key, size and ETag. */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import type { S3ObjectEntry } from '../../scan/s3/s3-object-source.js';

const pageSchema = z.object({
  Contents: z.array(z.object({ Key: z.string().min(1), Size: z.number().nonnegative().optional(), ETag: z.string().optional() })).optional(),
  IsTruncated: z.boolean().optional(),
  NextContinuationToken: z.string().min(1).optional(),
});


export async function* listS3Objects(s3: S3Client, bucket: string, prefix: string): AsyncGenerator<S3ObjectEntry> {
  let token: string | undefined;
  do {
    const page = pageSchema.parse(await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix === '' ? undefined : prefix, ContinuationToken: token })));
    for (const o of page.Contents ?? []) {
      // Folder placeholders ("dir/") hold nothing to scan.
      if (o.Key.endsWith('/') && (o.Size ?? 0) === 0) continue;
      yield { key: o.Key, size: o.Size ?? 0, etag: (o.ETag ?? '').replace(/"/g, '') };
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
}
