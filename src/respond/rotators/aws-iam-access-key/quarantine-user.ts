/**
 * Containment of the key's user: AWS's managed quarantine policy (denies the actions attackers
 * use first, including key and user changes) and an inline deny-all for every session issued
 * before now, which cuts off STS sessions already minted from the leaked key. Each reads first
 * (quarantine-state.ts): a containment cut short after it reached AWS is run again on restart,
 * and must then record what is in place rather than send the change twice. What is in place is
 * recorded `ok` (the user is quarantined, whoever did it), so the incident counts as contained
 * and a later rerun skips the step on the timeline (already-done.ts) without reading again.
 */
import { AttachUserPolicyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { attempt, errorEntry, makeEntry } from '../../timeline-entry.js';
import type { EntryScope } from '../../timeline-entry.js';
import type { TimelineEntry } from '../../../domain/incident.js';
import { SESSION_DENY_POLICY_NAME, quarantinePolicyArn } from './options.js';
import { policyAttached, sessionDenyState } from './quarantine-state.js';

export function sessionDenyPolicy(issuedBefore: Date): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { DateLessThan: { 'aws:TokenIssueTime': issuedBefore.toISOString() } },
      },
    ],
  });
}

export async function attachQuarantinePolicy(
  iam: IAMClient,
  scope: EntryScope,
  userName: string,
  partition: string,
): Promise<TimelineEntry> {
  const policyArn = quarantinePolicyArn(partition);
  const action = 'iam.attach-quarantine-policy';
  if ((await policyAttached(iam, userName, policyArn)) === true) {
    return makeEntry(scope, 'containment', action, 'ok', `The AWS quarantine policy ${policyArn} is already attached to IAM user ${userName}.`, {
      userName,
      policyArn,
      policyState: 'already-attached',
    });
  }
  const res = await attempt(() => iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: policyArn })));
  if (!res.ok) return errorEntry(scope, 'containment', action, `Attaching ${policyArn} to ${userName}`, res.error, { userName });
  return makeEntry(scope, 'containment', action, 'ok', `Attached the AWS quarantine policy ${policyArn} to IAM user ${userName}.`, {
    userName,
    policyArn,
  });
}

export async function denyOlderSessions(iam: IAMClient, scope: EntryScope, userName: string): Promise<TimelineEntry> {
  const action = 'iam.deny-older-sessions';
  const existing = await sessionDenyState(iam, userName, SESSION_DENY_POLICY_NAME);
  // In place with a readable cut-off: keep it (putting it again would move the cut-off to now).
  // A document leakwatch cannot read is replaced by one that denies.
  if (existing?.exists === true && existing.issuedBefore !== undefined) {
    return makeEntry(
      scope,
      'containment',
      action,
      'ok',
      `Sessions of ${userName} issued before ${existing.issuedBefore} are already denied (inline policy ${SESSION_DENY_POLICY_NAME}).`,
      { userName, policyName: SESSION_DENY_POLICY_NAME, issuedBefore: existing.issuedBefore, policyState: 'already-in-place' },
    );
  }
  const issuedBefore = scope.now();
  const res = await attempt(() =>
    iam.send(
      new PutUserPolicyCommand({
        UserName: userName,
        PolicyName: SESSION_DENY_POLICY_NAME,
        PolicyDocument: sessionDenyPolicy(issuedBefore),
      }),
    ),
  );
  if (!res.ok) return errorEntry(scope, 'containment', action, `Denying older sessions of ${userName}`, res.error, { userName });
  return makeEntry(
    scope,
    'containment',
    action,
    'ok',
    `Denied every session of ${userName} issued before ${issuedBefore.toISOString()} (inline policy ${SESSION_DENY_POLICY_NAME}).`,
    { userName, policyName: SESSION_DENY_POLICY_NAME, issuedBefore: issuedBefore.toISOString() },
  );
}
