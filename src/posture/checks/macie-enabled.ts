/** extra712: Macie is enabled in each region that holds a code bucket. */
import { getBucketRegion } from '../aws/s3.js';
import { getMacieStatus } from '../aws/macie.js';
import { fail, pass, skipped } from '../outcome.js';
import type { PostureCheck } from '../types.js';

export const macieEnabled: PostureCheck = {
  id: 'macie-enabled',
  title: 'Macie is enabled where code buckets are',
  severity: 'medium',
  reference: 'extra712',
  scope: 'region',
  remediation: 'Enable Macie in the region (`aws macie2 enable-macie --region REGION`) and add the code buckets to a sensitive-data discovery job.',
  async run(context, region) {
    const buckets = await context.codeBuckets();
    const here: string[] = [];
    for (const bucket of buckets) if ((await getBucketRegion(context.clients.s3(), bucket.name)) === region) here.push(bucket.name);
    if (here.length === 0) return [skipped(region, 'No code bucket in this region.')];
    const status = await getMacieStatus(context.clients.macie(region));
    if (status === 'ENABLED') return [pass(region, `Macie is enabled; code buckets here: ${here.join(', ')}.`)];
    return [fail(region, `Macie is ${status === undefined ? 'not enabled' : status.toLowerCase()} in a region with code bucket(s) ${here.join(', ')}.`)];
  },
};
