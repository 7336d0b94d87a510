/**
 * Creates an AWS canary key: an IAM user with a recognisable name, tagged as a leakwatch canary,
 * with no policies attached (it can do nothing but fail, and CloudTrail records each failed
 * call), and one access key. If the key cannot be created the user is removed again, so no
 * half-made canary is left behind. The secret access key is returned to the caller only, to
 * be written to the planting file; it is never logged.
 */
import { CreateAccessKeyCommand, CreateUserCommand, DeleteAccessKeyCommand, DeleteUserCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { LeakwatchError } from '../../../errors.js';

export const CANARY_TAG = 'leakwatch:canary';
const MAX_USER_NAME = 64;

const userSchema = z.object({ User: z.object({ UserName: z.string(), Arn: z.string() }) });
const keySchema = z.object({ AccessKey: z.object({ AccessKeyId: z.string(), SecretAccessKey: z.string() }) });

export interface CanaryKey {
  userName: string;
  userArn: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** `leakwatch-canary-payments-api`: IAM user names allow letters, digits and `+=,.@_-`, 64 at most. */
export function canaryUserName(repository: string): string {
  const slug = repository.replace(/[^A-Za-z0-9+=,.@_-]+/g, '-').replace(/^-+|-+$/g, '');
  return `leakwatch-canary-${slug}`.slice(0, MAX_USER_NAME);
}

function awsError(what: string, err: unknown, permission: string): LeakwatchError {
  const name = err instanceof Error ? err.name : 'error';
  return new LeakwatchError('aws', `${what} failed (${name}); the caller needs ${permission}.`, { cause: err });
}

export async function createCanaryKey(iam: IAMClient, repository: string, userName = canaryUserName(repository)): Promise<CanaryKey> {
  let user;
  try {
    user = userSchema.parse(
      await iam.send(
        new CreateUserCommand({
          UserName: userName,
          Tags: [
            { Key: CANARY_TAG, Value: repository },
            { Key: 'leakwatch:purpose', Value: 'canary key with no permissions - any use is an alarm' },
          ],
        }),
      ),
    ).User;
  } catch (err) {
    if (err instanceof Error && err.name === 'EntityAlreadyExists') {
      throw new LeakwatchError('aws', `IAM user ${userName} exists already; choose another name with --user-name.`, { cause: err });
    }
    throw awsError(`Creating IAM user ${userName}`, err, 'iam:CreateUser and iam:TagUser');
  }
  try {
    const key = keySchema.parse(await iam.send(new CreateAccessKeyCommand({ UserName: user.UserName }))).AccessKey;
    return { userName: user.UserName, userArn: user.Arn, accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };
  } catch (err) {
    try {
      await iam.send(new DeleteUserCommand({ UserName: user.UserName }));
    } catch {
      // The error worth reporting is the one that stopped the key.
    }
    throw awsError(`Creating an access key for ${user.UserName}`, err, 'iam:CreateAccessKey');
  }
}

/** Undoes a canary whose key could not be written anywhere: a key nobody holds is no canary. */
export async function deleteCanaryKey(iam: IAMClient, key: Pick<CanaryKey, 'userName' | 'accessKeyId'>): Promise<boolean> {
  try {
    await iam.send(new DeleteAccessKeyCommand({ UserName: key.userName, AccessKeyId: key.accessKeyId }));
    await iam.send(new DeleteUserCommand({ UserName: key.userName }));
    return true;
  } catch {
    return false;
  }
}
