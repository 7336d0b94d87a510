/**
 * What every e-mail notifier does before sending: the timeline scope and phase, the recipients
 * for the audience, and a `skipped` entry when the channel is not configured or nobody is known.
 */
import { makeEntry } from '../timeline-entry.js';
import type { TimelineEntry } from '../../domain/incident.js';
import { emailRecipients } from './email-recipients.js';
import type { NotifyContext } from './types.js';

export const EMAIL_ACTION = 'notify.email';

export interface EmailPlan {
  scope: { provider: string; now: () => Date };
  phase: NonNullable<NotifyContext['phase']>;
  to: string[];
}

export function prepareEmail(ctx: NotifyContext, provider: string, channel: string, configured: boolean): EmailPlan | TimelineEntry {
  const scope = { provider, now: ctx.now };
  const phase = ctx.phase ?? 'detection-analysis';
  if (!configured) return makeEntry(scope, phase, EMAIL_ACTION, 'skipped', `${channel} is not configured.`);
  const to = emailRecipients(ctx.incident, ctx.audience);
  if (to.length === 0) {
    return makeEntry(scope, phase, EMAIL_ACTION, 'skipped', 'No owner or escalation e-mail address is known for this repository.');
  }
  return { scope, phase, to };
}
