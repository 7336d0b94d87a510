/** The account the posture checks run in. */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { STSClient } from '@aws-sdk/client-sts';

export async function getCallerAccount(client: STSClient): Promise<string> {
  const out = await client.send(new GetCallerIdentityCommand({}));
  if (out.Account === undefined) throw new Error('GetCallerIdentity returned no account');
  return out.Account;
}
