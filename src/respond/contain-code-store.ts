/**
 * Containment of a `code-exposure` incident about a code store (an S3 bucket, an AMI or snapshot):
 * each containment provider that applies (containment/api.ts) writes its plan under `notify` and
 * `approve`, and acts under `auto` or once approved, each at most once (run-once.ts). The
 * unrecognised-objects step is keyed by how many objects the incident lists, so objects listed
 * after an approved deletion are planned and deleted in their turn. The incident becomes
 * `contained` once every step ran and none failed.
 */
import { APPROVE_STEP_PREFIX, CONTAIN_BY_HAND_PREFIX } from './approve-step.js';
import { codeStoreContainers } from './containment/api.js';
import { listedObjects } from './containment/s3-unrecognised-objects/index.js';
import type { CodeStoreContainer, CodeStoreContainmentOptions } from './containment/types.js';
import type { EngineDeps } from './engine-deps.js';
import type { IncidentRecord } from './incident-store.js';
import { withoutPlanSteps } from './open-steps.js';
import { mayContain } from './policy.js';
import { recordEntry, recordResult } from './record-result.js';
import { runOnce } from './run-once.js';
import type { OnceOutcome } from './run-once.js';
import { makeEntry } from './timeline-entry.js';
import type { TimelineEntry } from '../domain/incident.js';

export function applicableContainers(record: IncidentRecord): CodeStoreContainer[] {
  if (record.exposure.codeStore === undefined) return [];
  return [...codeStoreContainers.values()].filter((c) => c.appliesTo(record));
}

/** The run-once key of a provider's containment step for the incident as it stands. */
export function containKey(container: CodeStoreContainer, record: IncidentRecord): string {
  return container.id === 's3-unrecognised-objects' ? `containment.${container.id}.${listedObjects(record).length}` : `containment.${container.id}`;
}

/** Whether every applicable step has run (for the owner's message after containment). */
export function codeStoreContained(deps: EngineDeps, record: IncidentRecord): boolean {
  const steps = applicableContainers(record);
  return steps.length > 0 && steps.every((c) => deps.store.action(record.id, containKey(c, record))?.state === 'done');
}

function options(deps: EngineDeps): CodeStoreContainmentOptions {
  return { blockAccountPublicAccess: deps.config.response.s3.blockAccountPublicAccess };
}

function approveSteps(record: IncidentRecord): string[] {
  if (record.policy === 'approve') return [`${APPROVE_STEP_PREFIX}: leakwatch incidents approve ${record.id} (or do the planned steps in the timeline by hand).`];
  return [`${CONTAIN_BY_HAND_PREFIX}: do the planned steps in the timeline (or set response.policies.${record.ruleFamily}: auto to let leakwatch do them).`];
}

export async function containCodeStore(deps: EngineDeps, record: IncidentRecord): Promise<OnceOutcome[]> {
  const target = record.exposure.codeStore;
  const steps = applicableContainers(record);
  if (target === undefined || steps.length === 0) return [];
  const { now } = deps;
  const outcomes: OnceOutcome[] = [];
  if (record.policy !== 'auto') {
    for (const step of steps) {
      outcomes.push(
        await runOnce(deps, record, `${containKey(step, record).replace(/^containment\./, 'containment.plan.')}`, () => {
          const result = step.plan({ incident: record, target, options: options(deps), now });
          // The approval (or the by-hand heading) leads the owner's steps.
          const first = approveSteps(record);
          record.remainingSteps = [...first, ...record.remainingSteps.filter((s) => !first.includes(s))];
          recordResult(deps.store, record, result, now());
          return Promise.resolve(result.entries);
        }),
      );
    }
  }
  if (!mayContain(record.policy, record.approvedAt)) return outcomes;

  const produced: TimelineEntry[] = [];
  let ran = false;
  for (const step of steps) {
    const log = deps.log.child({ incident: record.id, container: step.id });
    const outcome = await runOnce(deps, record, containKey(step, record), async () => {
      const recorded: TimelineEntry[] = [];
      let result;
      try {
        result = await step.contain({
          incident: record, target, options: options(deps), now, clients: deps.clients, log,
          record: (entry) => {
            recordEntry(deps.store, record, entry, now());
            recorded.push(entry);
          },
        });
      } catch (err) {
        log.error({ errName: err instanceof Error ? err.name : typeof err }, 'Containment provider failed unexpectedly');
        const entry = makeEntry({ provider: step.id, now }, 'containment', `${step.id}.contain`, 'failed', `${step.title}: unexpected error.`);
        entry.retryable = true;
        result = { entries: [entry], remainingSteps: [], followUps: [] };
      }
      record.remainingSteps = withoutPlanSteps(record);
      recordResult(deps.store, record, result, now());
      produced.push(...recorded, ...result.entries);
      return [...recorded, ...result.entries];
    });
    if (outcome === 'ran') ran = true;
    outcomes.push(outcome);
  }
  const failed = produced.some((e) => e.outcome === 'failed');
  const didSomething = produced.some((e) => e.outcome === 'ok');
  if (ran && didSomething && !failed && codeStoreContained(deps, record) && (record.status === 'open' || record.status === 'acknowledged')) {
    const from = record.status;
    record.status = 'contained';
    const data = { from, to: 'contained', by: 'leakwatch' };
    recordEntry(deps.store, record, makeEntry({ provider: 'leakwatch', now }, 'containment', 'incident.contained', 'ok', `Status ${from} → contained: ${steps.map((s) => s.title).join(', ')} completed.`, data), now());
  }
  return outcomes;
}
