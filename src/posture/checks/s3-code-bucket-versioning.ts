/** extra763: every code bucket keeps versions, so a changed or deleted archive can be recovered and compared. */
import { getBucketVersioningStatus } from '../aws/s3.js';
import { fail, pass, skipped } from '../outcome.js';
import type { PostureCheck } from '../types.js';

export const s3CodeBucketVersioning: PostureCheck = {
  id: 's3-code-bucket-versioning',
  title: 'Code buckets have versioning on',
  severity: 'medium',
  reference: 'extra763',
  scope: 'global',
  remediation: 'Turn versioning on: `aws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration Status=Enabled`.',
  async run(context) {
    const buckets = await context.codeBuckets();
    if (buckets.length === 0) return [skipped('-', 'No code buckets: none is named in posture.codeBuckets or tagged as code.')];
    const outcomes = [];
    for (const { name } of buckets) {
      const status = await getBucketVersioningStatus(context.clients.s3(), name);
      outcomes.push(status === 'Enabled' ? pass(name, `Code bucket ${name} keeps versions.`) : fail(name, `Code bucket ${name} has versioning ${status === undefined ? 'never turned on' : status.toLowerCase()}.`));
    }
    return outcomes;
  },
};
