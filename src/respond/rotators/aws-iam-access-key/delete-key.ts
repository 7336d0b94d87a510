/**
 * Eradication after the grace period: delete the deactivated key. A key someone reactivated in
 * the meantime is left alone (a person decided something), and an already-deleted key is recorded.
 */
import { DeleteAccessKeyCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { redactValue } from '../../../util/redact-value.js';
import { attempt, errorEntry, makeEntry } from '../../timeline-entry.js';
import type { EntryScope } from '../../timeline-entry.js';
import type { ActionResult, TimelineEntry } from '../../../domain/incident.js';
import { listUserKeys } from './deactivate-key.js';

const ACTION = 'iam.delete-key';

function result(entry: TimelineEntry, remainingSteps: string[] = []): ActionResult {
  return { entries: [entry], remainingSteps, followUps: [] };
}

export async function deleteKey(iam: IAMClient, scope: EntryScope, userName: string, accessKeyId: string): Promise<ActionResult> {
  const shown = redactValue(accessKeyId);
  const data = { userName, accessKey: shown };
  const keys = await listUserKeys(iam, userName);
  const current = keys?.find((k) => k.accessKeyId === accessKeyId);
  if (keys !== undefined && current === undefined) {
    return result(makeEntry(scope, 'eradication', ACTION, 'skipped', `Access key ${shown} of ${userName} is already deleted.`, data));
  }
  if (current?.status === 'Active') {
    const detail = `Access key ${shown} was reactivated by someone; not deleting it.`;
    return result(makeEntry(scope, 'eradication', ACTION, 'skipped', detail, data), [
      `Access key ${shown} of ${userName} was reactivated after the leak: confirm why, then delete it.`,
    ]);
  }
  const res = await attempt(() => iam.send(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId })));
  if (!res.ok) return result(errorEntry(scope, 'eradication', ACTION, `Deleting access key ${shown}`, res.error, data));
  return result(makeEntry(scope, 'eradication', ACTION, 'ok', `Deleted access key ${shown} of IAM user ${userName}.`, data));
}
