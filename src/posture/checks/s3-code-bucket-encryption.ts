/** extra734: every code bucket has default encryption. */
import { getBucketEncryptionRules } from '../aws/s3.js';
import { fail, pass, skipped } from '../outcome.js';
import type { PostureCheck } from '../types.js';

export const s3CodeBucketEncryption: PostureCheck = {
  id: 's3-code-bucket-encryption',
  title: 'Code buckets have default encryption',
  severity: 'medium',
  reference: 'extra734',
  scope: 'global',
  remediation:
    "Set default encryption, preferably with a KMS key whose policy limits who can decrypt: `aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration '{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"aws:kms\"}}]}'`.",
  async run(context) {
    const buckets = await context.codeBuckets();
    if (buckets.length === 0) return [skipped('-', 'No code buckets: none is named in posture.codeBuckets or tagged as code.')];
    const outcomes = [];
    for (const { name } of buckets) {
      const rules = await getBucketEncryptionRules(context.clients.s3(), name);
      const algorithm = rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm;
      outcomes.push(algorithm === undefined ? fail(name, `Code bucket ${name} has no default encryption.`) : pass(name, `Code bucket ${name} encrypts by default with ${algorithm}.`));
    }
    return outcomes;
  },
};
