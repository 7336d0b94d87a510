/**
 * Recovery: a new access key for the user, stored straight into Secrets Manager so its secret
 * never passes through a log, an incident or a message. If it cannot be stored, the new key is
 * deleted again rather than left orphaned. The user stays quarantined, so the new key is
 * usable only once the owner has reviewed the user and removed the quarantine.
 */
import { CreateAccessKeyCommand, DeleteAccessKeyCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { CreateSecretCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { redactValue } from '../../../util/redact-value.js';
import { attempt, errorEntry, makeEntry } from '../../timeline-entry.js';
import type { Attempt, EntryScope } from '../../timeline-entry.js';
import type { TimelineEntry } from '../../../domain/incident.js';
import type { UserKey } from './deactivate-key.js';

const ACTION = 'iam.create-replacement-key';
const createdSchema = z.object({
  AccessKey: z.object({ AccessKeyId: z.string(), SecretAccessKey: z.string() }),
});

export interface ReplacementInput {
  iam: IAMClient;
  secretsManager: SecretsManagerClient | undefined;
  scope: EntryScope;
  userName: string;
  leakedKeyId: string;
  keys: UserKey[] | undefined;
  secretName: string;
}

/** Why no replacement should be created, or undefined when one should. */
function reasonNotToCreate(input: ReplacementInput): string | undefined {
  const others = (input.keys ?? []).filter((k) => k.accessKeyId !== input.leakedKeyId);
  const activeOther = others.find((k) => k.status === 'Active');
  if (activeOther !== undefined) {
    return `${input.userName} already has another active key ${redactValue(activeOther.accessKeyId)}`;
  }
  // IAM allows two keys per user; the leaked one still counts until it is deleted.
  if (others.length > 0) return `${input.userName} already has two access keys; delete the inactive one first`;
  if (input.secretsManager === undefined) return 'no Secrets Manager client to store it in';
  return undefined;
}

export async function createReplacementKey(input: ReplacementInput): Promise<TimelineEntry[]> {
  const { iam, scope, userName, secretName } = input;
  const data = { userName };
  const reason = reasonNotToCreate(input);
  if (reason !== undefined || input.secretsManager === undefined) {
    return [makeEntry(scope, 'recovery', ACTION, 'skipped', `Not creating a replacement key: ${reason ?? ''}.`, data)];
  }

  const created = await attempt(() => iam.send(new CreateAccessKeyCommand({ UserName: userName })));
  if (!created.ok) {
    return [errorEntry(scope, 'recovery', ACTION, `Creating a replacement key for ${userName}`, created.error, data)];
  }
  const parsed = createdSchema.safeParse(created.value);
  if (!parsed.success) {
    return [makeEntry(scope, 'recovery', ACTION, 'failed', 'CreateAccessKey returned no key; check the user by hand.', data)];
  }
  const key = parsed.data.AccessKey;
  const shown = redactValue(key.AccessKeyId);
  const secretString = JSON.stringify({ accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey });
  const stored = await storeSecret(input.secretsManager, secretName, secretString, userName);
  if (stored.ok) {
    const detail = `Created replacement key ${shown} for ${userName} and stored it in Secrets Manager as ${secretName}.`;
    return [makeEntry(scope, 'recovery', ACTION, 'ok', detail, { ...data, accessKey: shown, secretName })];
  }

  const what = `Storing the replacement key in ${secretName}`;
  const failed = errorEntry(scope, 'recovery', 'iam.store-replacement-key', what, stored.error, { ...data, secretName });
  const rollback = await attempt(() => iam.send(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: key.AccessKeyId })));
  const undo = 'iam.delete-unstored-replacement';
  const rolledBack = rollback.ok
    ? makeEntry(scope, 'recovery', undo, 'ok', `Deleted replacement key ${shown} again because it could not be stored.`, data)
    : errorEntry(scope, 'recovery', undo, `Deleting unstored replacement key ${shown}`, rollback.error, data);
  return [failed, rolledBack];
}

async function storeSecret(sm: SecretsManagerClient, name: string, secretString: string, userName: string): Promise<Attempt<unknown>> {
  const description = `Replacement access key for IAM user ${userName} (leakwatch)`;
  const create = await attempt(() => sm.send(new CreateSecretCommand({ Name: name, SecretString: secretString, Description: description })));
  if (create.ok || (create.error as { name?: unknown }).name !== 'ResourceExistsException') return create;
  return attempt(() => sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: secretString })));
}
