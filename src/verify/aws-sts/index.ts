/**
 * Verifies an AWS key pair with sts:GetCallerIdentity, the one call that needs no permission and
 * changes nothing. The key's account is looked up first as the daemon (sts:GetAccessKeyInfo):
 * canary-account keys are never used, and a key whose account cannot be established is not used
 * either. The key's owner and last use are read before the check, because the check itself
 * becomes the key's last use (and shows in CloudTrail as a GetCallerIdentity from the daemon).
 */
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { z } from 'zod';
import { classifyError } from '../../util/classify-error.js';
import { redactValue } from '../../util/redact-value.js';
import { accessKeyIdOf } from '../../aws/access-key-id.js';
import { lookupKeyOwner } from '../../aws/lookup-key-owner.js';
import { resultBuilder } from '../result-builder.js';
import type { VerifyResult } from '../../domain/verification.js';
import type { AwsKeyPair, Verifier, VerifyContext } from '../types.js';

const ID = 'aws-sts';
const keyInfoSchema = z.object({ Account: z.string() });
const identitySchema = z.object({ Account: z.string(), Arn: z.string(), UserId: z.string() });

export function createDefaultLeakedStsClient(credentials: AwsKeyPair): STSClient {
  return new STSClient({ region: 'us-east-1', credentials, maxAttempts: 1 });
}

async function verify(ctx: VerifyContext): Promise<VerifyResult> {
  const result = resultBuilder(ID, ctx);
  const accessKeyId = accessKeyIdOf(ctx.secret);
  if (accessKeyId === undefined || accessKeyId === ctx.secret.value) {
    return result('skipped', 'No secret access key is paired with the key id; nothing to verify.');
  }
  const shown = redactValue(accessKeyId);
  const { sts } = ctx.clients;
  if (sts === undefined) return result('skipped', 'No daemon STS client to look up the key account first.');

  let account: string;
  try {
    account = keyInfoSchema.parse(await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: accessKeyId }))).Account;
  } catch (err) {
    const c = classifyError(err);
    const detail = `The account of key ${shown} could not be established (${c.code}); not using the key.`;
    return result('skipped', detail, { retryable: c.retryable });
  }
  if (ctx.options.canaryAccounts.includes(account)) {
    return result('skipped', `Key ${shown} belongs to canary account ${account}; not using it.`, { identity: { account } });
  }

  const before: Record<string, string> = { account };
  if (ctx.clients.iam !== undefined) {
    const { iam } = ctx.clients;
    // Best effort: keys of other accounts are not visible to our IAM.
    const owner = await lookupKeyOwner(iam, accessKeyId).catch(() => undefined);
    if (owner?.userName !== undefined) before.userName = owner.userName;
    if (owner?.lastUsed !== undefined) {
      before.lastUsedBeforeCheck = owner.lastUsed.date.toISOString();
      before.lastUsedService = owner.lastUsed.service;
      before.lastUsedRegion = owner.lastUsed.region;
    }
  }

  const create = ctx.clients.createLeakedStsClient ?? createDefaultLeakedStsClient;
  const leakedClient = create({ accessKeyId, secretAccessKey: ctx.secret.value });
  try {
    const id = identitySchema.parse(await leakedClient.send(new GetCallerIdentityCommand({})));
    return result('live', `Key ${shown} is live: it authenticates as ${id.Arn}.`, {
      identity: { ...before, account: id.Account, arn: id.Arn, userId: id.UserId },
    });
  } catch (err) {
    const c = classifyError(err);
    if (c.kind === 'invalid-credential') {
      return result('invalid', `Key ${shown} is rejected by AWS (${c.code}).`, { identity: before });
    }
    return result('error', `Verifying key ${shown} failed (${c.code}).`, { retryable: c.retryable, identity: before });
  } finally {
    leakedClient.destroy();
  }
}

export const awsStsVerifier: Verifier = { id: ID, verify };
