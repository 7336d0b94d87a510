/**
 * Recovery: a new access key for the user, stored straight into Secrets Manager so its secret
 * never passes through a log, an incident or a message. If it cannot be stored, the new key is
 * deleted again rather than left orphaned.
 */
import { CreateAccessKeyCommand, DeleteAccessKeyCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { CreateSecretCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { redactValue } from '../../redact.js';
import { attempt, errorEntry, makeEntry } from '../../timeline-entry.js';
import type { EntryScope } from '../../timeline-entry.js';
import type { TimelineEntry } from '../../types.js';
import type { UserKey } from './deactivate-key.js';

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

export async function createReplacementKey(input: ReplacementInput): Promise<TimelineEntry[]> {
  const { iam, secretsManager, scope, userName, secretName } = input;
  const action = 'iam.create-replacement-key';
  const others = (input.keys ?? []).filter((k) => k.accessKeyId !== input.leakedKeyId);
  const activeOther = others.find((k) => k.status === 'Active');
  if (activeOther !== undefined) {
    const detail = `Not creating a replacement: ${userName} already has another active key ${redactValue(activeOther.accessKeyId)}.`;
    return [makeEntry(scope, 'recovery', action, 'skipped', detail, { userName })];
  }
  if (others.length > 0) {
    const detail = `Not creating a replacement: ${userName} already has two access keys; delete the inactive one first.`;
    return [makeEntry(scope, 'recovery', action, 'skipped', detail, { userName })];
  }
  if (secretsManager === undefined) {
    const detail = 'Not creating a replacement: no Secrets Manager client to store it in.';
    return [makeEntry(scope, 'recovery', action, 'skipped', detail, { userName })];
  }

  const created = await attempt(() => iam.send(new CreateAccessKeyCommand({ UserName: userName })));
  if (!created.ok) return [errorEntry(scope, 'recovery', action, `Creating a replacement key for ${userName}`, created.error, { userName })];
  const parsed = createdSchema.safeParse(created.value);
  if (!parsed.success) {
    return [makeEntry(scope, 'recovery', action, 'failed', 'CreateAccessKey returned no key; check the user by hand.', { userName })];
  }
  const key = parsed.data.AccessKey;
  const shown = redactValue(key.AccessKeyId);
  const secretString = JSON.stringify({ accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey });
  const stored = await storeSecret(secretsManager, secretName, secretString, userName);
  if (stored.ok) {
    return [
      makeEntry(
        scope,
        'recovery',
        action,
        'ok',
        `Created replacement key ${shown} for ${userName} and stored it in Secrets Manager as ${secretName}.`,
        { userName, accessKey: shown, secretName },
      ),
    ];
  }
  const failed = errorEntry(scope, 'recovery', 'iam.store-replacement-key', `Storing the replacement key in ${secretName}`, stored.error, {
    userName,
    secretName,
  });
  const rollback = await attempt(() => iam.send(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: key.AccessKeyId })));
  const rolledBack = rollback.ok
    ? makeEntry(scope, 'recovery', 'iam.delete-unstored-replacement', 'ok', `Deleted replacement key ${shown} again because it could not be stored.`, { userName })
    : errorEntry(scope, 'recovery', 'iam.delete-unstored-replacement', `Deleting unstored replacement key ${shown}`, rollback.error, { userName });
  return [failed, rolledBack];
}

async function storeSecret(
  sm: SecretsManagerClient,
  name: string,
  secretString: string,
  userName: string,
): Promise<{ ok: true } | { ok: false; error: unknown }> {
  const create = await attempt(() =>
    sm.send(new CreateSecretCommand({ Name: name, SecretString: secretString, Description: `Replacement access key for IAM user ${userName} (leakwatch)` })),
  );
  if (create.ok) return { ok: true };
  if ((create.error as { name?: unknown }).name !== 'ResourceExistsException') return { ok: false, error: create.error };
  const put = await attempt(() => sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: secretString })));
  return put.ok ? { ok: true } : { ok: false, error: put.error };
}
