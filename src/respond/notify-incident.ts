/**
 * Sends an incident to its owner (or, on escalation, its escalation contacts) through every
 * configured channel: the e-mail channels and SNS. Each channel is its own idempotent action, so
 * a channel that failed is retried without the others sending twice.
 */
import type { Audience } from './incident-message-parts.js';
import type { EngineDeps } from './engine-deps.js';
import type { IncidentRecord } from './incident-store.js';
import { notifiers } from './notifiers/api.js';
import { recordResult } from './record-result.js';
import { renderIncidentMessage } from './render-incident-message.js';
import { runOnce } from './run-once.js';
import type { OnceOutcome } from './run-once.js';
import type { PlaybookPhase } from '../domain/incident.js';

export function channelsOf(deps: EngineDeps): string[] {
  return [...deps.emailChannels, ...(deps.notifierDeps.sns === undefined ? [] : ['sns'])];
}

export async function notifyIncident(
  deps: EngineDeps,
  record: IncidentRecord,
  audience: Audience,
  keyPrefix: string,
  phase: PlaybookPhase = 'detection-analysis',
): Promise<OnceOutcome[]> {
  const outcomes: OnceOutcome[] = [];
  for (const channel of channelsOf(deps)) {
    const notifier = notifiers.get(channel);
    if (notifier === undefined) {
      deps.log.warn({ channel }, 'Unknown notification channel');
      continue;
    }
    outcomes.push(
      await runOnce(deps, record, `${keyPrefix}.${channel}`, async (idempotencyKey) => {
        const message = renderIncidentMessage(record, audience, deps.now());
        const log = deps.log.child({ incident: record.id, channel });
        const entry = await notifier.send({ incident: record, message, audience, deps: deps.notifierDeps, log, now: deps.now, phase, idempotencyKey });
        recordResult(deps.store, record, { entries: [entry], remainingSteps: [], followUps: [] }, deps.now());
        return [entry];
      }),
    );
  }
  return outcomes;
}
