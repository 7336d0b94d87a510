/** Account-level S3 Block Public Access: all four settings on. */
import { getAccountPublicAccessBlock } from '../aws/s3-control.js';
import { blocksEverything } from '../bucket-exposure.js';
import { fail, pass } from '../outcome.js';
import type { PostureCheck } from '../types.js';

export const s3AccountBlockPublicAccess: PostureCheck = {
  id: 's3-account-block-public-access',
  title: 'S3 Block Public Access is on for the account',
  severity: 'high',
  reference: 'extra73 (account level)',
  scope: 'global',
  remediation:
    'Turn on all four account-level settings: `aws s3control put-public-access-block --account-id ACCOUNT --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`.',
  async run(context) {
    const account = await context.accountId();
    const config = await getAccountPublicAccessBlock(context.clients.s3control(), account);
    if (blocksEverything(config)) return [pass(account, 'All four Block Public Access settings are on for the account.')];
    if (config === undefined) return [fail(account, 'The account has no Block Public Access configuration: any bucket can be made public.')];
    const off = Object.entries(config).filter(([, on]) => on !== true).map(([name]) => name);
    return [fail(account, `Account-level Block Public Access leaves ${off.join(', ')} off.`)];
  },
};
