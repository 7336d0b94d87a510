/**
 * Sends the posture alerts the store owes, each through its channel with its key as the
 * idempotency key, and removes each once sent (or once the channel says it cannot be sent, e.g.
 * nobody to tell). A retryable failure stays queued for the next run; a kill before the removal
 * sends again under the same key, which the channel uses to drop the repeat (SMTP Message-ID,
 * SNS FIFO deduplication id).
 */
import type { Logger } from '../logger.js';
import { notifiers } from '../respond/notifiers/api.js';
import type { NotifierDeps } from '../respond/notifiers/types.js';
import type { PostureStore } from './posture-store.js';
import { renderPostureAlert } from './render-posture-alert.js';

export interface DeliverPostureAlertsOptions {
  store: PostureStore;
  notifierDeps: NotifierDeps;
  log: Logger;
  now: () => Date;
}

export async function deliverPostureAlerts({ store, notifierDeps, log, now }: DeliverPostureAlertsOptions): Promise<number> {
  let sent = 0;
  for (const alert of store.pendingPostureAlerts()) {
    const notifier = notifiers.get(alert.channel);
    if (notifier === undefined) {
      log.warn({ channel: alert.channel }, 'Unknown notification channel');
      store.completePostureAlert(alert);
      continue;
    }
    const { result } = alert;
    const subject = {
      id: `posture/${result.id}`,
      kind: 'posture' as const,
      severity: result.severity,
      repository: {
        name: result.resource,
        escalationContacts: [],
        classification: 'internal' as const,
        ...(alert.recipient === undefined ? {} : { ownerEmail: alert.recipient }),
      },
    };
    const entry = await notifier.send({
      incident: subject,
      message: renderPostureAlert(result, now()),
      audience: 'owner',
      deps: notifierDeps,
      log: log.child({ check: result.id, channel: alert.channel }),
      now,
      idempotencyKey: `posture/${alert.key}`,
    });
    if (entry.outcome === 'failed' && entry.retryable === true) {
      log.warn({ check: result.id, resource: result.resource, channel: alert.channel, detail: entry.detail }, 'Posture alert not sent; retrying at the next run');
      continue;
    }
    if (entry.outcome !== 'ok') log.warn({ check: result.id, resource: result.resource, channel: alert.channel, detail: entry.detail }, 'Posture alert could not be sent');
    else sent += 1;
    store.completePostureAlert(alert);
  }
  return sent;
}
