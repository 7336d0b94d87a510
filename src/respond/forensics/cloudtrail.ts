/**
 * Forensics for an exposure in a CodeCommit repository: who pulled or pushed it since the
 * secret was committed (CloudTrail), with identities outside the known principals flagged, and
 * when the leaked access key was last used. Results become detection-analysis timeline entries
 * (actor attribution); failures are recorded, never thrown.
 */
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { Logger } from '../../logger.js';
import type { RateLimiter } from '../../util/create-rate-limiter.js';
import { redactValue } from '../../util/redact-value.js';
import { describeLastUse, lookupKeyOwner } from '../../aws/lookup-key-owner.js';
import { stepsForFailures } from '../steps-for-failures.js';
import { attempt, errorEntry, makeEntry } from '../timeline-entry.js';
import type { EntryScope } from '../timeline-entry.js';
import type { ActionResult, Incident, TimelineEntry } from '../../domain/incident.js';
import { lookupCodeCommitAccess } from './lookup-codecommit-access.js';
import type { CodeCommitAccess, CodeCommitAccessReport } from './lookup-codecommit-access.js';

const PROVIDER = 'cloudtrail';
const MAX_IDENTITY_ENTRIES = 25;

export interface ForensicsContext {
  incident: Incident;
  clients: { cloudtrail?: CloudTrailClient; iam?: IAMClient };
  options: { knownPrincipals: string[]; maxEvents?: number };
  /** CodeCommit name when it differs from the inventory name. */
  codecommitRepository?: string;
  /** The leaked access key id, when the secret is an AWS key: its last use is reported too. */
  accessKeyId?: string;
  log: Logger;
  now: () => Date;
  limiter?: RateLimiter;
}

interface IdentitySummary {
  arn: string;
  type: string;
  unusual: boolean;
  pulls: number;
  pushes: number;
  first: Date;
  last: Date;
  ips: Set<string>;
  agents: Set<string>;
}

export function summariseByIdentity(accesses: CodeCommitAccess[]): IdentitySummary[] {
  const byArn = new Map<string, IdentitySummary>();
  for (const a of accesses) {
    const s = byArn.get(a.identityArn) ?? {
      arn: a.identityArn,
      type: a.identityType,
      unusual: a.unusual,
      pulls: 0,
      pushes: 0,
      first: a.at,
      last: a.at,
      ips: new Set<string>(),
      agents: new Set<string>(),
    };
    if (a.eventName === 'GitPull') s.pulls += 1;
    else s.pushes += 1;
    if (a.at < s.first) s.first = a.at;
    if (a.at > s.last) s.last = a.at;
    s.ips.add(a.sourceIp);
    s.agents.add(a.userAgent);
    byArn.set(a.identityArn, s);
  }
  const total = (s: IdentitySummary) => s.pulls + s.pushes;
  // Unusual identities first: they are what the owner must look at.
  return [...byArn.values()].sort((a, b) => Number(b.unusual) - Number(a.unusual) || total(b) - total(a));
}

function accessEntries(scope: EntryScope, report: CodeCommitAccessReport): { entries: TimelineEntry[]; steps: string[] } {
  const identities = summariseByIdentity(report.accesses);
  const unusual = identities.filter((i) => i.unusual);
  const pulls = report.accesses.filter((a) => a.eventName === 'GitPull').length;
  const pushes = report.accesses.length - pulls;
  const window = `${report.start.toISOString()} to ${report.end.toISOString()}`;
  const truncated = report.truncated ? ' (event list truncated)' : '';
  const summary =
    `CloudTrail shows ${pulls} pulls and ${pushes} pushes of ${report.repository} by ${identities.length} ` +
    `identities from ${window}; ${unusual.length} unusual.${truncated}`;
  const entries = [
    makeEntry(scope, 'detection-analysis', 'forensics.codecommit-access', 'ok', summary, {
      pulls,
      pushes,
      identities: identities.length,
      unusual: unusual.length,
      truncated: report.truncated,
      windowClipped: report.windowClipped,
    }),
  ];
  for (const i of identities.slice(0, MAX_IDENTITY_ENTRIES)) {
    const detail =
      `${i.unusual ? 'Unusual identity' : 'Known identity'} ${i.arn} (${i.type}): ${i.pulls} pulls, ${i.pushes} pushes, ` +
      `${i.first.toISOString()} to ${i.last.toISOString()}, from ${[...i.ips].join(', ')} using ${[...i.agents].join(', ')}.`;
    entries.push(
      makeEntry(scope, 'detection-analysis', 'forensics.codecommit-identity', 'ok', detail, {
        identity: i.arn,
        identityType: i.type,
        unusual: i.unusual,
        pulls: i.pulls,
        pushes: i.pushes,
      }),
    );
  }
  const steps = unusual.map(
    (i) =>
      `Find out who ${i.arn} is and why it accessed ${report.repository} after the exposure ` +
      `(from ${[...i.ips].join(', ')}); if nobody knows, treat the repository contents as public.`,
  );
  if (report.windowClipped) {
    steps.push(
      `CloudTrail event history covers only ${report.start.toISOString()} onwards: query your trail ` +
        `(S3/Athena or CloudTrail Lake) for earlier accesses to ${report.repository}.`,
    );
  }
  return { entries, steps };
}

async function keyLastUseEntry(
  scope: EntryScope,
  iam: IAMClient,
  accessKeyId: string,
  exposedSince: Date,
): Promise<{ entry: TimelineEntry; steps: string[] }> {
  const action = 'forensics.key-last-use';
  const shown = redactValue(accessKeyId);
  const owner = await attempt(() => lookupKeyOwner(iam, accessKeyId));
  if (!owner.ok) {
    return { entry: errorEntry(scope, 'detection-analysis', action, `Looking up the last use of key ${shown}`, owner.error), steps: [] };
  }
  const { lastUsed, userName } = owner.value;
  const usedAfter = lastUsed !== undefined && lastUsed.date >= exposedSince;
  const of = userName === undefined ? '' : ` of ${userName}`;
  const detail = `Access key ${shown}${of} was ${describeLastUse(lastUsed)}${usedAfter ? ', after it was exposed' : ''}.`;
  const entry = makeEntry(scope, 'detection-analysis', action, 'ok', detail, {
    usedAfterExposure: usedAfter,
    lastUsedDate: lastUsed?.date.toISOString() ?? null,
    lastUsedService: lastUsed?.service ?? null,
    lastUsedRegion: lastUsed?.region ?? null,
  });
  const steps = usedAfter
    ? [
        `Key ${shown} was used on ${lastUsed.date.toISOString()} (${lastUsed.service}, ${lastUsed.region}) after it leaked: ` +
          'confirm in CloudTrail that this use was yours.',
      ]
    : [];
  return { entry, steps };
}

export async function investigateCodeCommitExposure(ctx: ForensicsContext): Promise<ActionResult> {
  const scope: EntryScope = { provider: PROVIDER, now: ctx.now };
  const entries: TimelineEntry[] = [];
  const remainingSteps: string[] = [];
  const repository = ctx.codecommitRepository ?? ctx.incident.repository.name;
  const since = ctx.incident.exposure.firstSeen;

  if (ctx.clients.cloudtrail === undefined) {
    const detail = 'No CloudTrail client is configured for the daemon.';
    entries.push(makeEntry(scope, 'detection-analysis', 'forensics.codecommit-access', 'skipped', detail));
  } else {
    const { cloudtrail } = ctx.clients;
    const report = await attempt(() =>
      lookupCodeCommitAccess({
        cloudtrail,
        repository,
        since,
        now: ctx.now(),
        knownPrincipals: ctx.options.knownPrincipals,
        limiter: ctx.limiter,
        maxEvents: ctx.options.maxEvents,
      }),
    );
    if (report.ok) {
      const found = accessEntries(scope, report.value);
      entries.push(...found.entries);
      remainingSteps.push(...found.steps);
    } else {
      const what = `Reading CloudTrail for ${repository}`;
      entries.push(errorEntry(scope, 'detection-analysis', 'forensics.codecommit-access', what, report.error));
    }
  }

  if (ctx.accessKeyId !== undefined && ctx.clients.iam !== undefined) {
    const last = await keyLastUseEntry(scope, ctx.clients.iam, ctx.accessKeyId, since);
    entries.push(last.entry);
    remainingSteps.push(...last.steps);
  }
  return { entries, remainingSteps: [...remainingSteps, ...stepsForFailures(entries)], followUps: [] };
}
