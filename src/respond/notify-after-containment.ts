/**
 * The owner's one message after containment. The owner's first message goes out when the
 * incident opens; under `approve` (or `auto` after a containment retry) leakwatch contains it
 * later, and the owner must then read what was done and what is still theirs. One message per
 * channel, keyed `notify.owner.contained.<channel>` (run-once.ts), so a restart never sends it
 * again; none on a channel whose owner message already went out after containment (that message
 * said it), or that never reached the owner (the first message, when it goes, says it).
 */
import { codeStoreContained } from './contain-code-store.js';
import type { EngineDeps } from './engine-deps.js';
import type { IncidentRecord } from './incident-store.js';
import { notifiers } from './notifiers/api.js';
import { channelsOf } from './notify-incident.js';
import { isContainmentWork } from './open-steps.js';
import { recordResult } from './record-result.js';
import { renderIncidentMessage } from './render-incident-message.js';
import { runOnce } from './run-once.js';
import type { OnceOutcome } from './run-once.js';
import type { TimelineEntry } from '../domain/incident.js';

function lastIndex(timeline: TimelineEntry[], match: (e: TimelineEntry) => boolean): number {
  for (let i = timeline.length - 1; i >= 0; i -= 1) if (match(timeline[i]!)) return i;
  return -1;
}

export async function notifyOwnerAfterContainment(deps: EngineDeps, record: IncidentRecord): Promise<OnceOutcome[]> {
  const done = record.exposure.codeStore === undefined ? deps.store.action(record.id, 'containment.contain')?.state === 'done' : codeStoreContained(deps, record);
  if (!done) return [];
  const contained = lastIndex(record.timeline, isContainmentWork);
  if (contained < 0) return [];
  const outcomes: OnceOutcome[] = [];
  for (const channel of channelsOf(deps)) {
    const notifier = notifiers.get(channel);
    if (notifier === undefined) continue;
    const told = lastIndex(record.timeline, (e) => e.provider === channel && e.outcome === 'ok' && e.data?.audience === 'owner');
    if (told < 0 || told > contained) continue;
    outcomes.push(
      await runOnce(deps, record, `notify.owner.contained.${channel}`, async () => {
        const message = renderIncidentMessage(record, 'owner', deps.now(), 'contained');
        const log = deps.log.child({ incident: record.id, channel });
        const entry = await notifier.send({ incident: record, message, audience: 'owner', deps: deps.notifierDeps, log, now: deps.now, phase: 'containment' });
        recordResult(deps.store, record, { entries: [entry], remainingSteps: [], followUps: [] }, deps.now());
        return [entry];
      }),
    );
  }
  return outcomes;
}
