/**
 * Eradication after the grace period: delete the deactivated key. A key someone reactivated in
 * the meantime is left alone (a person decided something), and an already-deleted key is recorded.
 */
import { DeleteAccessKeyCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { redactValue } from '../../redact.js';
import { attempt, errorEntry, makeEntry } from '../../timeline-entry.js';
import type { EntryScope } from '../../timeline-entry.js';
import type { ActionResult } from '../../types.js';
import { listUserKeys } from './deactivate-key.js';

export async function deleteKey(iam: IAMClient, scope: EntryScope, userName: string, accessKeyId: string): Promise<ActionResult> {
  const action = 'iam.delete-key';
  const shown = redactValue(accessKeyId);
  const data = { userName, accessKey: shown };
  const keys = await listUserKeys(iam, userName);
  const current = keys?.find((k) => k.accessKeyId === accessKeyId);
  if (keys !== undefined && current === undefined) {
    return only(makeEntry(scope, 'eradication', action, 'skipped', `Access key ${shown} of ${userName} is already deleted.`, data));
  }
  if (current?.status === 'Active') {
    const entry = makeEntry(scope, 'eradication', action, 'skipped', `Access key ${shown} was reactivated by someone; not deleting it.`, data);
    return { entries: [entry], remainingSteps: [`Access key ${shown} of ${userName} was reactivated after the leak: confirm why, then delete it.`], followUps: [] };
  }
  const res = await attempt(() => iam.send(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId })));
  if (!res.ok) return only(errorEntry(scope, 'eradication', action, `Deleting access key ${shown}`, res.error, data));
  return only(makeEntry(scope, 'eradication', action, 'ok', `Deleted access key ${shown} of IAM user ${userName}.`, data));
}

function only(entry: ActionResult['entries'][number]): ActionResult {
  return { entries: [entry], remainingSteps: [], followUps: [] };
}
