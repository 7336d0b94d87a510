/** The account-level S3 Block Public Access read (S3 Control). */
import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import type { PublicAccessBlockConfiguration, S3ControlClient } from '@aws-sdk/client-s3-control';

export async function getAccountPublicAccessBlock(client: S3ControlClient, accountId: string): Promise<PublicAccessBlockConfiguration | undefined> {
  try {
    const out = await client.send(new GetPublicAccessBlockCommand({ AccountId: accountId }));
    return out.PublicAccessBlockConfiguration;
  } catch (err) {
    if ((err as Error).name === 'NoSuchPublicAccessBlockConfiguration') return undefined;
    throw err;
  }
}
