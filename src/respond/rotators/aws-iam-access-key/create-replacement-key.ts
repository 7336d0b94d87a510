/**
 * Recovery: one new access key for the user, stored straight into Secrets Manager so its secret
 * never passes through a log, an incident or a message (only its key id does). Idempotent across
 * restarts: the secret's tags name the leaked key it replaces and the replacement's key id, and
 * a secret already holding a live replacement for this leaked key is reused, never a second key
 * created. If the key cannot be stored it is deleted again rather than left orphaned. The user
 * stays quarantined, so the new key works only once the owner has removed the quarantine.
 */
import { CreateAccessKeyCommand, DeleteAccessKeyCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { redactValue } from '../../../util/redact-value.js';
import { attempt, errorEntry, makeEntry } from '../../timeline-entry.js';
import type { EntryScope } from '../../timeline-entry.js';
import type { TimelineEntry } from '../../../domain/incident.js';
import type { UserKey } from './deactivate-key.js';
import { REPLACEMENT_TAGS, describeReplacementSecret, storeReplacementSecret } from './replacement-secret.js';

export const REPLACEMENT_ACTION = 'iam.create-replacement-key';
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
  kmsKeyId?: string;
  incidentId: string;
  ownerEmail?: string;
}

/** Where the owner fetches the replacement; identifiers only. */
export interface StoredReplacement {
  secretName: string;
  secretArn: string | undefined;
  /** Redacted key id of the replacement. */
  accessKey: string;
}

export interface ReplacementResult {
  entries: TimelineEntry[];
  stored?: StoredReplacement;
}

/** Why no replacement should be created, or undefined when one should. */
function reasonNotToCreate(input: ReplacementInput): string | undefined {
  const others = (input.keys ?? []).filter((k) => k.accessKeyId !== input.leakedKeyId);
  const activeOther = others.find((k) => k.status === 'Active');
  if (activeOther !== undefined) {
    return `${input.userName} already has another active key ${redactValue(activeOther.accessKeyId)}; move its users to it or delete it`;
  }
  // IAM allows two keys per user; the leaked one still counts until it is deleted.
  if (others.length > 0) {
    return `IAM allows two access keys per user and ${input.userName} already has two (the leaked key and ${redactValue(others[0]!.accessKeyId)}); delete the unused inactive one first`;
  }
  return undefined;
}

function isLimitExceeded(err: unknown): boolean {
  return (err as { name?: unknown }).name === 'LimitExceededException' || (err as { name?: unknown }).name === 'LimitExceeded';
}

export async function createReplacementKey(input: ReplacementInput): Promise<ReplacementResult> {
  const { iam, scope, userName, secretName, secretsManager } = input;
  const data = { userName, secretName };
  const skipped = (why: string): ReplacementResult => ({
    entries: [makeEntry(scope, 'recovery', REPLACEMENT_ACTION, 'skipped', `Not creating a replacement key: ${why}.`, data)],
  });
  if (secretsManager === undefined) return skipped('no Secrets Manager client to store it in');

  const existing = await attempt(() => describeReplacementSecret(secretsManager, secretName));
  if (!existing.ok) {
    return { entries: [errorEntry(scope, 'recovery', REPLACEMENT_ACTION, `Checking Secrets Manager for ${secretName}`, existing.error, data)] };
  }
  const found = existing.value;
  const replacementId = found?.tags[REPLACEMENT_TAGS.accessKeyId];
  const stillThere = replacementId !== undefined && (input.keys === undefined || input.keys.some((k) => k.accessKeyId === replacementId));
  if (found !== undefined && found.hasValue && found.tags[REPLACEMENT_TAGS.replacesKey] === input.leakedKeyId && stillThere) {
    const shown = redactValue(replacementId);
    const detail = `Replacement key ${shown} for ${userName} already exists in Secrets Manager as ${secretName}; not creating another.`;
    const stored: StoredReplacement = { secretName, secretArn: found.arn, accessKey: shown };
    const entryData = { ...data, secretArn: found.arn ?? null, accessKey: shown, replacement: 'existing' };
    return { entries: [makeEntry(scope, 'recovery', REPLACEMENT_ACTION, 'ok', detail, entryData)], stored };
  }

  const reason = reasonNotToCreate(input);
  if (reason !== undefined) return skipped(reason);

  const created = await attempt(() => iam.send(new CreateAccessKeyCommand({ UserName: userName })));
  if (!created.ok) {
    if (isLimitExceeded(created.error)) return skipped(`IAM allows two access keys per user and ${userName} already has two; delete an unused one first`);
    return { entries: [errorEntry(scope, 'recovery', REPLACEMENT_ACTION, `Creating a replacement key for ${userName}`, created.error, data)] };
  }
  const parsed = createdSchema.safeParse(created.value);
  if (!parsed.success) {
    return { entries: [makeEntry(scope, 'recovery', REPLACEMENT_ACTION, 'failed', 'CreateAccessKey returned no key; check the user by hand.', data)] };
  }
  const key = parsed.data.AccessKey;
  const shown = redactValue(key.AccessKeyId);
  const stored = await attempt(() =>
    storeReplacementSecret(secretsManager, {
      name: secretName,
      exists: found !== undefined,
      secretString: JSON.stringify({ accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey }),
      description: `Replacement for leaked access key ${redactValue(input.leakedKeyId)} of IAM user ${userName} (leakwatch incident ${input.incidentId}).`,
      ...(input.kmsKeyId === undefined ? {} : { kmsKeyId: input.kmsKeyId }),
      tags: {
        [REPLACEMENT_TAGS.incident]: input.incidentId,
        [REPLACEMENT_TAGS.iamUser]: userName,
        [REPLACEMENT_TAGS.replacesKey]: input.leakedKeyId,
        [REPLACEMENT_TAGS.accessKeyId]: key.AccessKeyId,
        ...(input.ownerEmail === undefined ? {} : { [REPLACEMENT_TAGS.owner]: input.ownerEmail }),
      },
    }),
  );
  if (stored.ok) {
    const detail = `Created replacement key ${shown} for ${userName} and stored it in Secrets Manager as ${secretName}.`;
    const where: StoredReplacement = { secretName, secretArn: stored.value, accessKey: shown };
    const entryData = { ...data, secretArn: stored.value ?? null, accessKey: shown, replacement: 'created' };
    return { entries: [makeEntry(scope, 'recovery', REPLACEMENT_ACTION, 'ok', detail, entryData)], stored: where };
  }

  const failed = errorEntry(scope, 'recovery', 'iam.store-replacement-key', `Storing the replacement key in ${secretName}`, stored.error, data);
  const rollback = await attempt(() => iam.send(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: key.AccessKeyId })));
  const undo = 'iam.delete-unstored-replacement';
  const rolledBack = rollback.ok
    ? makeEntry(scope, 'recovery', undo, 'ok', `Deleted replacement key ${shown} again because it could not be stored.`, data)
    : errorEntry(scope, 'recovery', undo, `Deleting unstored replacement key ${shown}`, rollback.error, data);
  return { entries: [failed, rolledBack] };
}
