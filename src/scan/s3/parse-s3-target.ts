/** `s3://bucket[/prefix]` as a scan target: checked here so a malformed one is one line, exit 2. */
import { LeakwatchError } from '../../errors.js';

export interface S3Target {
  bucket: string;
  /** Key prefix ('' for the whole bucket). */
  prefix: string;
  /** `s3://bucket/prefix` as written back in reports and state keys. */
  display: string;
}

// S3's bucket naming rules: 3-63 lowercase letters, digits, dots and hyphens, a letter or digit at each end.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function isS3Target(target: string): boolean {
  return /^s3:\/\//i.test(target);
}

export function parseS3Target(target: string): S3Target {
  const rest = target.slice('s3://'.length);
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  const prefix = slash < 0 ? '' : rest.slice(slash + 1);
  if (!target.startsWith('s3://') || !BUCKET.test(bucket) || bucket.includes('..')) {
    throw new LeakwatchError('usage', `"${target}" is not an S3 location: write s3://BUCKET or s3://BUCKET/PREFIX with a valid bucket name (3-63 lowercase letters, digits, dots, hyphens).`);
  }
  return { bucket, prefix, display: `s3://${bucket}${prefix === '' ? '' : `/${prefix}`}` };
}
