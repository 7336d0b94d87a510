/** E-mail through Amazon SES v2 (SendEmail, Simple content with text and HTML parts). */
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { attempt, errorEntry, makeEntry } from '../../timeline-entry.js';
import type { TimelineEntry } from '../../types.js';
import { emailRecipients } from '../email-recipients.js';
import type { Notifier, NotifyContext } from '../types.js';

const ID = 'ses';
const ACTION = 'notify.email';

async function send(ctx: NotifyContext): Promise<TimelineEntry> {
  const scope = { provider: ID, now: ctx.now };
  const phase = ctx.phase ?? 'detection-analysis';
  const to = emailRecipients(ctx.incident, ctx.audience);
  const ses = ctx.deps.ses;
  if (ses === undefined) return makeEntry(scope, phase, ACTION, 'skipped', 'SES is not configured.');
  if (to.length === 0) {
    return makeEntry(scope, phase, ACTION, 'skipped', 'No owner or escalation e-mail address is known for this repository.');
  }

  const { subject, text, html } = ctx.message;
  const res = await attempt(() =>
    ses.client.send(
      new SendEmailCommand({
        FromEmailAddress: ses.from,
        Destination: { ToAddresses: to },
        Content: {
          Simple: {
            Subject: { Data: subject, Charset: 'UTF-8' },
            Body: { Text: { Data: text, Charset: 'UTF-8' }, Html: { Data: html, Charset: 'UTF-8' } },
          },
        },
        ConfigurationSetName: ses.configurationSetName,
      }),
    ),
  );
  const data = { audience: ctx.audience, recipients: to.join(', ') };
  if (!res.ok) return errorEntry(scope, phase, ACTION, `E-mailing ${to.join(', ')} through SES`, res.error, data);
  const messageId = res.value.MessageId ?? null;
  return makeEntry(scope, phase, ACTION, 'ok', `E-mailed ${to.join(', ')} through SES.`, { ...data, messageId });
}

export const sesNotifier: Notifier = { id: ID, send };
