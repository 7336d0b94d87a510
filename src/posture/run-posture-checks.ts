/**
 * Runs the selected checks, each once for the account or once per region, one at a time (the
 * calls are few and AWS throttles bursts). A check that throws (access denied, throttled,
 * malformed answer) becomes an `error` result saying why: never a silent pass.
 */
import { classifyError } from '../util/classify-error.js';
import type { CheckOutcome, PostureCheck, PostureContext, PostureResult, PostureStatus } from './types.js';

const HINTS: Record<string, string> = {
  'access-denied': "leakwatch's principal may not make this read; grant the LeakwatchPostureReadOnly statement of config/iam-policy.json",
  throttled: 'AWS throttled the reads; run again later',
  'invalid-credential': 'the AWS credentials were rejected',
  'not-found': 'a resource disappeared while it was read; run again',
  server: 'AWS answered with a server error; run again later',
  other: 'the check could not run',
};

export type PostureSummary = Record<PostureStatus, number>;

export function errorOutcome(err: unknown, resource: string): CheckOutcome {
  const c = classifyError(err);
  const message = c.kind === 'other' && err instanceof Error ? `: ${err.message.split('\n')[0]}` : '';
  return { status: 'error', resource, detail: `Could not check (${c.code}${message}): ${HINTS[c.kind] ?? HINTS['other']}.` };
}

export function toResult(check: PostureCheck, region: string, outcome: CheckOutcome): PostureResult {
  return {
    id: check.id,
    title: check.title,
    status: outcome.status,
    severity: check.severity,
    region,
    resource: outcome.resource,
    detail: outcome.detail,
    remediation: outcome.status === 'fail' || outcome.status === 'error' ? check.remediation : '',
    reference: check.reference,
  };
}

export async function runPostureChecks(checks: readonly PostureCheck[], context: PostureContext): Promise<PostureResult[]> {
  const results: PostureResult[] = [];
  const home = context.regions[0] ?? 'us-east-1';
  for (const check of checks) {
    const regions = check.scope === 'global' ? [home] : context.regions;
    for (const region of regions) {
      const label = check.scope === 'global' ? 'global' : region;
      let outcomes: CheckOutcome[];
      try {
        outcomes = await check.run(context, region);
      } catch (err) {
        context.log.warn({ check: check.id, region: label, errName: (err as Error).name }, 'Posture check could not run');
        outcomes = [errorOutcome(err, check.scope === 'global' ? '-' : region)];
      }
      // Every check says something for every place it looked, even when there was nothing there.
      if (outcomes.length === 0) outcomes = [{ status: 'skipped', resource: '-', detail: 'Nothing to check here.' }];
      for (const outcome of outcomes) results.push(toResult(check, label, outcome));
    }
  }
  return results;
}

export function summarise(results: readonly PostureResult[]): PostureSummary {
  const summary: PostureSummary = { pass: 0, fail: 0, error: 0, skipped: 0 };
  for (const r of results) summary[r.status] += 1;
  return summary;
}

/** 1 when anything fails; else 2 when a check could not run; else 0. */
export function postureExitCode(summary: PostureSummary): number {
  return summary.fail > 0 ? 1 : summary.error > 0 ? 2 : 0;
}
