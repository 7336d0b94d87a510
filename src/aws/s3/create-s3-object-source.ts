/** The S3 object source of s3:// scans, over the AWS SDK (ListObjectsV2 and GetObject). */
import { S3Client } from '@aws-sdk/client-s3';
import type { S3ObjectSource } from '../../scan/s3/s3-object-source.js';
import { getS3Object } from './get-s3-object.js';
import { listS3Objects } from './list-s3-objects.js';

/**
 * With no client given, the SDK's own chain finds credentials; a region is needed to start (the
 * one given, else the environment's), and redirects find the bucket's. A client given is the
 * caller's to destroy.
 */
export function createS3ObjectSource(client?: S3Client, region?: string): S3ObjectSource {
  const s3 = client ?? new S3Client({ region: region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1', followRegionRedirects: true });
  return {
    list: (bucket, prefix) => listS3Objects(s3, bucket, prefix),
    get: (bucket, key) => getS3Object(s3, bucket, key),
    close: () => {
      if (client === undefined) s3.destroy();
    },
  };
}
