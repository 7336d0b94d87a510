/**
 * Sets the leaked key Inactive. Reads the user's keys first so a rerun records "already
 * inactive" or "already deleted" instead of repeating the change or reporting an error.
 */
import { ListAccessKeysCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { redactValue } from '../../../util/redact-value.js';
import { attempt, errorEntry, makeEntry } from '../../timeline-entry.js';
import type { EntryScope } from '../../timeline-entry.js';
import type { TimelineEntry } from '../../../domain/incident.js';

const listSchema = z.object({
  AccessKeyMetadata: z
    .array(z.object({ AccessKeyId: z.string(), Status: z.string().optional(), CreateDate: z.date().optional() }))
    .default([]),
});

export interface UserKey {
  accessKeyId: string;
  status: string;
}

/** The user's keys, or undefined when they cannot be listed (the caller then acts blind). */
export async function listUserKeys(iam: IAMClient, userName: string): Promise<UserKey[] | undefined> {
  const res = await attempt(() => iam.send(new ListAccessKeysCommand({ UserName: userName })));
  if (!res.ok) return undefined;
  const parsed = listSchema.safeParse(res.value);
  if (!parsed.success) return undefined;
  return parsed.data.AccessKeyMetadata.map((k) => ({ accessKeyId: k.AccessKeyId, status: k.Status ?? 'Unknown' }));
}

export async function deactivateKey(
  iam: IAMClient,
  scope: EntryScope,
  userName: string,
  accessKeyId: string,
  keys: UserKey[] | undefined,
): Promise<TimelineEntry> {
  const action = 'iam.deactivate-key';
  const shown = redactValue(accessKeyId);
  const data = { userName, accessKey: shown };
  const current = keys?.find((k) => k.accessKeyId === accessKeyId);
  if (keys !== undefined && current === undefined) {
    return makeEntry(scope, 'containment', action, 'skipped', `Access key ${shown} of ${userName} is already deleted.`, {
      ...data,
      keyState: 'deleted',
    });
  }
  if (current?.status === 'Inactive') {
    return makeEntry(scope, 'containment', action, 'skipped', `Access key ${shown} of ${userName} is already inactive.`, {
      ...data,
      keyState: 'inactive',
    });
  }
  const res = await attempt(() =>
    iam.send(new UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId, Status: 'Inactive' })),
  );
  if (!res.ok) return errorEntry(scope, 'containment', action, `Deactivating access key ${shown}`, res.error, data);
  return makeEntry(scope, 'containment', action, 'ok', `Deactivated access key ${shown} of IAM user ${userName}.`, {
    ...data,
    keyState: 'inactive',
  });
}
