/**
 * What recording one posture run changes, decided once for every store backend: which results
 * become the last verdicts, which resources a check no longer reports, which checks now have
 * a baseline, and which results turned to fail and are owed an alert (one per channel). A store
 * reads the earlier verdicts, calls this, and writes the plan in one transaction, so the turn
 * from pass to fail is seen by exactly one run.
 */
import type { PostureAlert } from './posture-store.js';
import type { PostureResult, PostureStatus } from './types.js';

/** What the store knew before this run. */
export interface PriorPosture {
  /** The last verdict of a check on a resource in a region, if any. */
  status(id: string, region: string, resource: string): PostureStatus | undefined;
  /** Whether the check already ran fully in the region (its first full run is its baseline). */
  hasRun(id: string, region: string): boolean;
}

/** A check that ran fully in a region: only `keep` remain its resources, and it has a baseline. */
export interface SettledCheck {
  id: string;
  region: string;
  keep: string[];
}

export interface PosturePlan {
  /** Results to store as the last verdict of their check, region and resource. */
  verdicts: PostureResult[];
  settled: SettledCheck[];
  alerts: PostureAlert[];
}

export function planPostureRun(
  results: readonly PostureResult[],
  at: Date,
  channels: readonly string[],
  recipientOf: (r: PostureResult) => string | undefined,
  prior: PriorPosture,
): PosturePlan {
  const when = at.toISOString();
  const groups = new Map<string, PostureResult[]>();
  for (const r of results) {
    const key = `${r.id}\u0000${r.region}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const plan: PosturePlan = { verdicts: [], settled: [], alerts: [] };
  for (const group of groups.values()) {
    const { id, region } = group[0]!;
    const baseline = !prior.hasRun(id, region);
    for (const r of group) {
      const before = prior.status(id, region, r.resource);
      const turned = r.status === 'fail' && (before === 'pass' || ((before === undefined || before === 'error') && !baseline));
      if (turned) {
        const key = `${id}/${region}/${r.resource}/${when}`;
        const recipient = recipientOf(r);
        for (const channel of channels) plan.alerts.push({ key, channel, result: r, recipient });
      }
      // An error does not overwrite a verdict: pass, error, fail is still a turn to fail.
      if (r.status !== 'error' || before === undefined) plan.verdicts.push(r);
    }
    // Could not run: the earlier verdicts stand, beside the error.
    if (!group.some((r) => r.status === 'error')) plan.settled.push({ id, region, keep: group.map((r) => r.resource) });
  }
  return plan;
}
