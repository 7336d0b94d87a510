/** E-mail through Amazon SES v2 (SendEmail, Simple content with text and HTML parts). */
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { attempt, errorEntry, makeEntry } from '../../timeline-entry.js';
import type { TimelineEntry } from '../../../domain/incident.js';
import { EMAIL_ACTION as ACTION, prepareEmail } from '../prepare-email.js';
import type { Notifier, NotifyContext } from '../types.js';

const ID = 'ses';

async function send(ctx: NotifyContext): Promise<TimelineEntry> {
  const ses = ctx.deps.ses;
  const plan = prepareEmail(ctx, ID, 'SES', ses !== undefined);
  if (!('to' in plan) || ses === undefined) return plan as TimelineEntry;
  const { scope, phase, to } = plan;

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
