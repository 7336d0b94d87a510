/**
 * Reads what is already in place on the key's user before quarantining it, so a rerun of a
 * containment cut short after it reached AWS (a kill, a lost reply) records "already in place"
 * instead of sending AttachUserPolicy or PutUserPolicy a second time. Either read failing
 * (no permission, throttling) returns undefined: the caller then acts as before, blind.
 */
import { GetUserPolicyCommand, ListAttachedUserPoliciesCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { classifyError } from '../../../util/classify-error.js';
import { attempt } from '../../timeline-entry.js';

/** A user has at most 20 managed policies; the cap only stops a looping Marker. */
const MAX_PAGES = 50;

const attachedSchema = z.object({
  AttachedPolicies: z.array(z.object({ PolicyArn: z.string().optional() })).default([]),
  IsTruncated: z.boolean().optional(),
  Marker: z.string().optional(),
});

/** Is `policyArn` attached to the user? Follows Marker pagination. */
export async function policyAttached(iam: IAMClient, userName: string, policyArn: string): Promise<boolean | undefined> {
  let marker: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const input = { UserName: userName, ...(marker === undefined ? {} : { Marker: marker }) };
    const res = await attempt(() => iam.send(new ListAttachedUserPoliciesCommand(input)));
    if (!res.ok) return undefined;
    const parsed = attachedSchema.safeParse(res.value);
    if (!parsed.success) return undefined;
    if (parsed.data.AttachedPolicies.some((p) => p.PolicyArn === policyArn)) return true;
    if (parsed.data.IsTruncated !== true || parsed.data.Marker === undefined) return false;
    marker = parsed.data.Marker;
  }
  return undefined;
}

export type InlinePolicyState = { exists: false } | { exists: true; issuedBefore: string | undefined };

const sessionDenySchema = z.object({
  Statement: z
    .array(z.object({ Effect: z.literal('Deny'), Condition: z.object({ DateLessThan: z.object({ 'aws:TokenIssueTime': z.string() }) }) }))
    .min(1),
});

/** IAM returns the document URL-encoded (RFC 3986); the SDK hands it on as it came. */
function parseDocument(raw: string): unknown {
  for (const text of [raw, safeDecode(raw)]) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The session cut-off of leakwatch's inline deny policy, if the user has it. */
export async function sessionDenyState(iam: IAMClient, userName: string, policyName: string): Promise<InlinePolicyState | undefined> {
  const res = await attempt(() => iam.send(new GetUserPolicyCommand({ UserName: userName, PolicyName: policyName })));
  if (!res.ok) return classifyError(res.error).kind === 'not-found' ? { exists: false } : undefined;
  const reply = z.object({ PolicyDocument: z.string() }).safeParse(res.value);
  const doc = sessionDenySchema.safeParse(reply.success ? parseDocument(reply.data.PolicyDocument) : undefined);
  const cutOff = doc.success ? doc.data.Statement[0]?.Condition.DateLessThan['aws:TokenIssueTime'] : undefined;
  return { exists: true, issuedBefore: cutOff !== undefined && !Number.isNaN(Date.parse(cutOff)) ? cutOff : undefined };
}
