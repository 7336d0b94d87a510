/** check26: the bucket a trail writes to logs who reads it (S3 server access logging). */
import { describeTrails } from '../aws/cloudtrail.js';
import { getBucketLoggingTarget } from '../aws/s3.js';
import { fail, pass, skipped } from '../outcome.js';
import type { PostureCheck } from '../types.js';

export const cloudtrailBucketAccessLogging: PostureCheck = {
  id: 'cloudtrail-bucket-access-logging',
  title: "S3 access logging is on for each trail's bucket",
  severity: 'medium',
  reference: 'check26',
  scope: 'region',
  remediation:
    "Turn on server access logging for the trail's bucket: `aws s3api put-bucket-logging --bucket BUCKET --bucket-logging-status '{\"LoggingEnabled\":{\"TargetBucket\":\"LOG-BUCKET\",\"TargetPrefix\":\"cloudtrail/\"}}'`.",
  async run({ clients }, region) {
    const trails = (await describeTrails(clients.cloudtrail(region))).filter((t) => t.HomeRegion === region && t.S3BucketName !== undefined);
    if (trails.length === 0) return [skipped(region, 'No trail lives in this region (multi-region trails are checked in their home region).')];
    const outcomes = [];
    for (const trail of trails) {
      const bucket = trail.S3BucketName!;
      const target = await getBucketLoggingTarget(clients.s3(), bucket);
      outcomes.push(
        target === undefined
          ? fail(bucket, `Bucket ${bucket} of trail ${trail.Name} has no server access logging.`)
          : pass(bucket, `Bucket ${bucket} of trail ${trail.Name} logs access to ${target}.`),
      );
    }
    return outcomes;
  },
};
