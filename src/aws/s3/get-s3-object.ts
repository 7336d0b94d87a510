/** GetObject as a byte stream (never buffered whole here), with the ETag of what was read. */
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { LeakwatchError } from '../../errors.js';
import type { S3ObjectStream } from '../../scan/s3/s3-object-source.js';


export async function getS3Object(s3: S3Client, bucket: string, key: string): Promise<S3ObjectStream> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!(out.Body instanceof Readable)) throw new LeakwatchError('aws', `GetObject of s3://${bucket}/${key} returned no readable body.`);
  return { body: out.Body, etag: (out.ETag ?? '').replace(/"/g, '') };
}
