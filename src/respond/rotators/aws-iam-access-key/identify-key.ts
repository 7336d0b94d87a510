/**
 * Detection and analysis before any change: which key, whose account, which IAM user, last
 * used when. Every way this can end early (no key id, a temporary key, another account, the
 * root user, an API failure) is an ActionResult with the step the owner must take instead.
 */
import type { IAMClient } from '@aws-sdk/client-iam';
import { redactValue } from '../../../util/redact-value.js';
import { stepsForFailures } from '../../steps-for-failures.js';
import { attempt, errorEntry, makeEntry } from '../../timeline-entry.js';
import type { EntryScope } from '../../timeline-entry.js';
import type { ActionResult, TimelineEntry } from '../../../domain/incident.js';
import type { RotatorContext } from '../types.js';
import { accessKeyIdOf, isTemporaryKeyId } from '../../../aws/access-key-id.js';
import { lookupKeyAccount } from './lookup-key-account.js';
import { describeLastUse, lookupKeyOwner } from '../../../aws/lookup-key-owner.js';
import type { KeyLastUse } from '../../../aws/lookup-key-owner.js';
import { QUARANTINE_POLICY_NAME } from './options.js';

export interface IdentifiedKey {
  iam: IAMClient;
  keyId: string;
  shown: string;
  userName: string;
  lastUsed: KeyLastUse | undefined;
  partition: string;
  ownerEntry: TimelineEntry;
}

function stop(entry: TimelineEntry, steps: string[] = []): ActionResult {
  return { entries: [entry], remainingSteps: [...steps, ...stepsForFailures([entry])], followUps: [] };
}

export async function identifyKey(ctx: RotatorContext, scope: EntryScope): Promise<IdentifiedKey | ActionResult> {
  const phase = 'detection-analysis';
  const { iam, sts } = ctx.clients;
  const keyId = accessKeyIdOf(ctx.secret);
  if (keyId === undefined) {
    return stop(makeEntry(scope, phase, 'iam.identify-key', 'skipped', 'No access key id is paired with this secret.'), [
      'Find the access key id that goes with the leaked secret access key (IAM console, or CloudTrail) and deactivate it.',
    ]);
  }
  const shown = redactValue(keyId);
  if (isTemporaryKeyId(keyId)) {
    const detail = `Key ${shown} is a temporary STS key; it cannot be deactivated.`;
    return stop(makeEntry(scope, phase, 'iam.identify-key', 'skipped', detail), [
      `Revoke the active sessions of the role that issued ${shown} (IAM console, "Revoke active sessions"), ` +
        'then find how its credentials reached the code.',
    ]);
  }
  if (iam === undefined || sts === undefined) {
    const detail = 'No IAM/STS client is configured for the daemon.';
    return stop(makeEntry(scope, phase, 'iam.identify-account', 'skipped', detail), [
      `Deactivate access key ${shown} in IAM and attach ${QUARANTINE_POLICY_NAME} to its user.`,
    ]);
  }

  const account = await attempt(() => lookupKeyAccount(sts, keyId));
  if (!account.ok) {
    return stop(errorEntry(scope, phase, 'iam.identify-account', `Finding the account of key ${shown}`, account.error));
  }
  const { ownAccount, keyAccount, partition } = account.value;
  if (keyAccount !== ownAccount) {
    const detail = `Key ${shown} belongs to AWS account ${keyAccount}, not to ours (${ownAccount}); reported, not touched.`;
    return stop(makeEntry(scope, phase, 'iam.identify-account', 'skipped', detail, { keyAccount, ownAccount }), [
      `Ask the owner of AWS account ${keyAccount} to deactivate access key ${shown}.`,
    ]);
  }

  const owner = await attempt(() => lookupKeyOwner(iam, keyId));
  if (!owner.ok) {
    return stop(errorEntry(scope, phase, 'iam.lookup-owner', `Looking up the owner of key ${shown}`, owner.error));
  }
  const { userName, lastUsed } = owner.value;
  if (userName === undefined || userName === 'root' || userName === '<root_account>') {
    const detail = `Key ${shown} belongs to the root user of account ${keyAccount}.`;
    return stop(makeEntry(scope, phase, 'iam.lookup-owner', 'failed', detail), [
      `Sign in as the root user of account ${keyAccount} and delete access key ${shown} under Security credentials.`,
    ]);
  }
  const detail = `Key ${shown} belongs to IAM user ${userName} in account ${keyAccount}; ${describeLastUse(lastUsed)}.`;
  const ownerEntry = makeEntry(scope, phase, 'iam.lookup-owner', 'ok', detail, {
    userName,
    account: keyAccount,
    lastUsedDate: lastUsed?.date.toISOString() ?? null,
    lastUsedService: lastUsed?.service ?? null,
    lastUsedRegion: lastUsed?.region ?? null,
  });
  return { iam, keyId, shown, userName, lastUsed, partition, ownerEntry };
}
