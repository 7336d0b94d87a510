/**
 * Rotator for leaked IAM access keys, following the AWS compromised-key playbook as the
 * daemon's own principal: check the key is ours, find its user and last use, quarantine the
 * user, cut off older sessions, deactivate the key, optionally create and store a replacement,
 * and schedule deletion after a grace period. The leaked key itself is never used.
 */
import { alreadyDone } from '../../already-done.js';
import { redactValue } from '../../../util/redact-value.js';
import { stepsForFailures } from '../../steps-for-failures.js';
import { makeEntry } from '../../timeline-entry.js';
import type { EntryScope } from '../../timeline-entry.js';
import type { ActionResult, FollowUp, TimelineEntry } from '../../../domain/incident.js';
import type { EradicateContext, PlanContext, Rotator, RotatorContext } from '../types.js';
import { createReplacementKey } from './create-replacement-key.js';
import { replacementOnRecord } from './replacement-on-record.js';
import { deactivateKey, listUserKeys } from './deactivate-key.js';
import { deleteKey } from './delete-key.js';
import { identifyKey } from './identify-key.js';
import { describeLastUse } from '../../../aws/lookup-key-owner.js';
import { QUARANTINE_POLICY_NAME, resolveIamOptions } from './options.js';
import { attachQuarantinePolicy, denyOlderSessions } from './quarantine-user.js';

const ID = 'aws-iam-access-key';
const DAY_MS = 86_400_000;

function plan(ctx: PlanContext): ActionResult {
  const opts = resolveIamOptions(ctx.options.awsIamAccessKey);
  const scope: EntryScope = { provider: ID, now: ctx.now };
  const p = (action: string, detail: string): TimelineEntry => makeEntry(scope, 'containment', action, 'planned', detail);
  const entries = [
    p('iam.identify-account', 'Check with sts:GetAccessKeyInfo that the key belongs to our account; report it otherwise.'),
    p('iam.lookup-owner', 'Find the owning IAM user and the last use of the key (iam:GetAccessKeyLastUsed).'),
    p('iam.attach-quarantine-policy', `Attach the AWS managed policy ${QUARANTINE_POLICY_NAME} to the user.`),
    p('iam.deny-older-sessions', 'Deny every session of the user issued before now (inline policy on aws:TokenIssueTime).'),
    p('iam.deactivate-key', 'Set the access key Inactive.'),
  ];
  if (opts.createReplacement) {
    const where = opts.replacementSecretName;
    entries.push(p('iam.create-replacement-key', `Create a replacement key and store it in Secrets Manager as ${where}.`));
  }
  if (opts.deleteAfterDays !== null) {
    entries.push(p('iam.delete-key', `Delete the old key ${opts.deleteAfterDays} days after deactivation.`));
  }
  return { entries, remainingSteps: [], followUps: [] };
}

async function contain(ctx: RotatorContext): Promise<ActionResult> {
  const scope: EntryScope = { provider: ID, now: ctx.now };
  const opts = resolveIamOptions(ctx.options.awsIamAccessKey);
  const key = await identifyKey(ctx, scope);
  if ('entries' in key) return key;
  const { iam, keyId, shown, userName, lastUsed, partition } = key;

  const entries: TimelineEntry[] = [key.ownerEntry];
  // A rerun (retry, restart) must not move the session cut-off or repeat what already worked.
  const done = (action: string) => alreadyDone(ctx.incident, ID, action, { userName });
  if (!done('iam.attach-quarantine-policy')) entries.push(await attachQuarantinePolicy(iam, scope, userName, partition));
  if (!done('iam.deny-older-sessions')) entries.push(await denyOlderSessions(iam, scope, userName));
  const keys = await listUserKeys(iam, userName);
  const deactivated = await deactivateKey(iam, scope, userName, keyId, keys);
  entries.push(deactivated);
  const keyGone = deactivated.data?.keyState === 'deleted' || deactivated.data?.error === 'NoSuchEntity';

  let replacement = replacementOnRecord(ctx.incident, userName);
  if (opts.createReplacement && !keyGone && replacement === undefined) {
    const created = await createReplacementKey({
      iam,
      secretsManager: ctx.clients.secretsManager,
      scope,
      userName,
      leakedKeyId: keyId,
      keys,
      secretName: opts.replacementSecretName.replaceAll('{user}', userName),
      ...(opts.kmsKeyId === undefined ? {} : { kmsKeyId: opts.kmsKeyId }),
      incidentId: ctx.incident.id,
      ...(ctx.incident.repository.ownerEmail === undefined ? {} : { ownerEmail: ctx.incident.repository.ownerEmail }),
    });
    entries.push(...created.entries);
    replacement = created.stored;
  }

  const followUps: FollowUp[] = [];
  if (opts.deleteAfterDays !== null && !keyGone && deactivated.outcome !== 'failed') {
    followUps.push({
      provider: ID,
      step: 'eradicate',
      notBefore: new Date(ctx.now().getTime() + opts.deleteAfterDays * DAY_MS),
      target: { userName, accessKeyId: keyId },
    });
  }
  const since = ctx.incident.exposure.firstSeen.toISOString();
  const remainingSteps = [
    `Review CloudTrail for everything done with access key ${shown} since ${since} (${describeLastUse(lastUsed)}).`,
    replacement === undefined
      ? `Move every system that used ${shown} to a new credential, then detach ${QUARANTINE_POLICY_NAME} ` +
        `and the leakwatch session-deny policy from ${userName}.`
      : `Fetch the replacement key ${replacement.accessKey} from Secrets Manager ` +
        `(aws secretsmanager get-secret-value --secret-id ${replacement.secretArn ?? replacement.secretName}), ` +
        `move every system that used ${shown} to it, then detach ${QUARANTINE_POLICY_NAME} and the leakwatch session-deny policy from ${userName}.`,
    ...(opts.deleteAfterDays === null && !keyGone ? [`Delete access key ${shown} of ${userName} once nothing needs it.`] : []),
    ...stepsForFailures(entries),
  ];
  return { entries, remainingSteps, followUps };
}

async function eradicate(ctx: EradicateContext): Promise<ActionResult> {
  const scope: EntryScope = { provider: ID, now: ctx.now };
  const { userName, accessKeyId } = ctx.followUp.target;
  const skipped = (detail: string, steps: string[]): ActionResult => ({
    entries: [makeEntry(scope, 'eradication', 'iam.delete-key', 'skipped', detail)],
    remainingSteps: steps,
    followUps: [],
  });
  if (userName === undefined || accessKeyId === undefined) return skipped('The follow-up names no user or key.', []);
  if (ctx.clients.iam === undefined) {
    return skipped('No IAM client is configured for the daemon.', [`Delete access key ${redactValue(accessKeyId)} of ${userName}.`]);
  }
  const result = await deleteKey(ctx.clients.iam, scope, userName, accessKeyId);
  return { ...result, remainingSteps: [...result.remainingSteps, ...stepsForFailures(result.entries)] };
}

export const awsIamAccessKeyRotator: Rotator = {
  id: ID,
  title: 'AWS IAM access key: quarantine the user, deactivate, replace, delete',
  plan,
  contain,
  eradicate,
};
