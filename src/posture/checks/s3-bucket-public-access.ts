/** extra73: no bucket is open to Everyone or any AWS user; code buckets are checked first. */
import { getAccountPublicAccessBlock } from '../aws/s3-control.js';
import { blocksEverything, bucketExposure } from '../bucket-exposure.js';
import { fail, pass } from '../outcome.js';
import type { CheckOutcome, PostureCheck } from '../types.js';

export const s3BucketPublicAccess: PostureCheck = {
  id: 's3-bucket-public-access',
  title: 'No S3 bucket is open to Everyone or any AWS user',
  severity: 'critical',
  reference: 'extra73',
  scope: 'global',
  remediation:
    'Block public access on the bucket (`aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`), then remove the public ACL grant or policy statement; for a code bucket, treat what was in it as exposed.',
  async run(context) {
    const s3 = context.clients.s3();
    const account = await getAccountPublicAccessBlock(context.clients.s3control(), await context.accountId());
    const code = new Set((await context.codeBuckets()).map((b) => b.name));
    const all = await context.buckets();
    // Code buckets first: if the run is cut short, what matters most was looked at.
    const ordered = [...all.filter((b) => code.has(b)), ...all.filter((b) => !code.has(b))];
    if (ordered.length === 0) return [pass('*', 'The account has no buckets.')];
    if (blocksEverything(account)) return [pass('*', `Account-level Block Public Access covers all ${ordered.length} bucket(s).`)];
    const outcomes: CheckOutcome[] = [];
    for (const bucket of ordered) {
      const reasons = await bucketExposure(s3, bucket, account);
      const kind = code.has(bucket) ? 'Code bucket' : 'Bucket';
      outcomes.push(reasons.length > 0 ? fail(bucket, `${kind} ${bucket} is public: ${reasons.join('; ')}.`) : pass(bucket, `${kind} ${bucket} is not public.`));
    }
    return outcomes;
  },
};
