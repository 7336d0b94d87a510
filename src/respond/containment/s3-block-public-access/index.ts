/**
 * Containment: S3 Block Public Access, all four settings, on the exposed code bucket (and on the
 * account when `response.s3.blockAccountPublicAccess` is set). Before changing anything it reads
 * the current configuration and records it in the timeline (once per bucket or account), with
 * the command that restores it. A configuration already fully blocked is left alone, so a run
 * again after a kill -9 between the change and its record makes no second call.
 */
import { PutPublicAccessBlockCommand } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { PutPublicAccessBlockCommand as PutAccountBlockCommand } from '@aws-sdk/client-s3-control';
import { emptyResult } from '../../../domain/incident.js';
import type { ActionResult, TimelineEntry } from '../../../domain/incident.js';
import { attempt, errorEntry, makeEntry } from '../../timeline-entry.js';
import type { CodeStoreContainContext, CodeStoreContainer, CodeStorePlanContext } from '../types.js';
import { ALL_BLOCKED, isAllBlocked, readAccountBlock, readBucketBlock, settingsFlag } from './read-block.js';
import type { BlockState } from './read-block.js';

const ID = 's3-block-public-access';
const PREVIOUS = 's3.public-access-block.previous';
const BLOCKED = 's3.public-access-block';

type Scope = { kind: 'bucket'; bucket: string } | { kind: 'account'; accountId: string };

function scopeName(scope: Scope): string {
  return scope.kind === 'bucket' ? `bucket ${scope.bucket}` : `account ${scope.accountId}`;
}

function restoreCommand(scope: Scope, previous: BlockState): string {
  if (scope.kind === 'bucket') {
    return previous.configured
      ? `aws s3api put-public-access-block --bucket ${scope.bucket} --public-access-block-configuration ${settingsFlag(previous.settings)}`
      : `aws s3api delete-public-access-block --bucket ${scope.bucket}`;
  }
  return previous.configured
    ? `aws s3control put-public-access-block --account-id ${scope.accountId} --public-access-block-configuration ${settingsFlag(previous.settings)}`
    : `aws s3control delete-public-access-block --account-id ${scope.accountId}`;
}

function hasPrevious(ctx: CodeStoreContainContext, scope: Scope): boolean {
  const name = scopeName(scope);
  return ctx.incident.timeline.some((e) => e.action === PREVIOUS && e.data?.scope === name);
}

async function blockOne(ctx: CodeStoreContainContext, scope: Scope, read: () => Promise<BlockState>, put: () => Promise<unknown>): Promise<ActionResult> {
  const at = { provider: ID, now: ctx.now };
  const name = scopeName(scope);
  const result = emptyResult();
  const current = await attempt(read);
  if (!current.ok) {
    result.entries.push(errorEntry(at, 'containment', BLOCKED, `Reading the Block Public Access configuration of ${name}`, current.error, { scope: name }));
    return result;
  }
  if (!hasPrevious(ctx, scope)) {
    const previous = current.value;
    const entry: TimelineEntry = makeEntry(at, 'containment', PREVIOUS, 'ok',
      `Block Public Access of ${name} before containment: ${previous.configured ? settingsFlag(previous.settings) : 'not configured'}. Restore with: ${restoreCommand(scope, previous)}`,
      { scope: name, configured: previous.configured, ...previous.settings, restore: restoreCommand(scope, previous) });
    ctx.record(entry);
  }
  if (isAllBlocked(current.value.settings)) {
    result.entries.push(makeEntry(at, 'containment', BLOCKED, 'ok', `Block Public Access of ${name} is on (all four settings); nothing to change.`, { scope: name, changed: false }));
    return result;
  }
  const done = await attempt(put);
  if (!done.ok) {
    result.entries.push(errorEntry(at, 'containment', BLOCKED, `Turning on Block Public Access of ${name}`, done.error, { scope: name }));
    result.remainingSteps.push(`Turn on S3 Block Public Access (all four settings) of ${name} by hand.`);
    return result;
  }
  result.entries.push(makeEntry(at, 'containment', BLOCKED, 'ok', `Turned on Block Public Access of ${name}: public ACLs and policies are blocked and ignored.`, { scope: name, changed: true }));
  return result;
}

export const s3BlockPublicAccessContainer: CodeStoreContainer = {
  id: ID,
  title: 'S3 Block Public Access',
  family: 's3',
  appliesTo: (incident) => incident.exposure.codeStore?.kind === 's3',
  plan(ctx: CodeStorePlanContext): ActionResult {
    const bucket = ctx.target.bucket!;
    const account = ctx.options.blockAccountPublicAccess ? ' and of the account' : '';
    const detail = `Would turn on S3 Block Public Access (BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets) of bucket ${bucket}${account}, recording the previous configuration so it can be restored.`;
    return { entries: [makeEntry({ provider: ID, now: ctx.now }, 'containment', 's3.public-access-block.plan', 'planned', detail, { bucket })], remainingSteps: [], followUps: [] };
  },
  async contain(ctx: CodeStoreContainContext): Promise<ActionResult> {
    const s3 = ctx.clients.s3?.(ctx.target.region);
    const bucket = ctx.target.bucket!;
    if (s3 === undefined) {
      return { entries: [makeEntry({ provider: ID, now: ctx.now }, 'containment', BLOCKED, 'skipped', 'No S3 client configured.')], remainingSteps: [`Turn on S3 Block Public Access of bucket ${bucket} by hand.`], followUps: [] };
    }
    const results: ActionResult[] = [
      await blockOne(ctx, { kind: 'bucket', bucket }, () => readBucketBlock(s3, bucket),
        () => s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: ALL_BLOCKED }))),
    ];
    if (ctx.options.blockAccountPublicAccess) results.push(await blockAccount(ctx));
    return { entries: results.flatMap((r) => r.entries), remainingSteps: results.flatMap((r) => r.remainingSteps), followUps: [] };
  },
};

async function blockAccount(ctx: CodeStoreContainContext): Promise<ActionResult> {
  const at = { provider: ID, now: ctx.now };
  const { s3control, sts } = ctx.clients;
  if (s3control === undefined || sts === undefined) {
    return { entries: [makeEntry(at, 'containment', BLOCKED, 'skipped', 'No S3 Control client configured.')], remainingSteps: ['Turn on S3 Block Public Access for the account by hand.'], followUps: [] };
  }
  const identity = await attempt(() => sts.send(new GetCallerIdentityCommand({})));
  if (!identity.ok || identity.value.Account === undefined) {
    const err = identity.ok ? new Error('no account in GetCallerIdentity') : identity.error;
    return { entries: [errorEntry(at, 'containment', BLOCKED, 'Finding the account to block public access for', err)], remainingSteps: [], followUps: [] };
  }
  const accountId = identity.value.Account;
  return blockOne(ctx, { kind: 'account', accountId }, () => readAccountBlock(s3control, accountId),
    () => s3control.send(new PutAccountBlockCommand({ AccountId: accountId, PublicAccessBlockConfiguration: ALL_BLOCKED })));
}
