/**
 * Whose key is it? The daemon's own account (GetCallerIdentity) against the key's account
 * (sts:GetAccessKeyInfo). Both calls run as the daemon; the leaked key is only named, never used.
 */
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { STSClient } from '@aws-sdk/client-sts';
import { z } from 'zod';

const callerSchema = z.object({ Account: z.string(), Arn: z.string() });
const keyInfoSchema = z.object({ Account: z.string() });

export interface KeyAccount {
  ownAccount: string;
  /** aws, aws-cn, aws-us-gov: the quarantine policy ARN depends on it. */
  partition: string;
  keyAccount: string;
}

export async function lookupKeyAccount(sts: STSClient, accessKeyId: string): Promise<KeyAccount> {
  const caller = callerSchema.parse(await sts.send(new GetCallerIdentityCommand({})));
  const info = keyInfoSchema.parse(await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: accessKeyId })));
  const partition = caller.Arn.split(':')[1] ?? 'aws';
  return { ownAccount: caller.Account, partition, keyAccount: info.Account };
}
