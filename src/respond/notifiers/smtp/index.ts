/** E-mail through any SMTP server with nodemailer (text and HTML alternatives). */
import { attempt, makeEntry } from '../../timeline-entry.js';
import type { TimelineEntry } from '../../../domain/incident.js';
import { EMAIL_ACTION as ACTION, prepareEmail } from '../prepare-email.js';
import type { Notifier, NotifyContext } from '../types.js';

const ID = 'smtp';

async function send(ctx: NotifyContext): Promise<TimelineEntry> {
  const smtp = ctx.deps.smtp;
  const plan = prepareEmail(ctx, ID, 'SMTP', smtp !== undefined);
  if (!('to' in plan) || smtp === undefined) return plan as TimelineEntry;
  const { scope, phase, to } = plan;

  const { subject, text, html } = ctx.message;
  // The Message-ID is the idempotency key: a copy sent again after a crash has the same one.
  const messageId = ctx.idempotencyKey === undefined ? {} : { messageId: `<${ctx.idempotencyKey.replace(/[^\w.-]+/g, '.')}@leakwatch>` };
  const res = await attempt(() => smtp.transport.sendMail({ from: smtp.from, to, subject, text, html, ...messageId }));
  const data = { audience: ctx.audience, recipients: to.join(', ') };
  if (!res.ok) {
    const { responseCode, code } = res.error as { responseCode?: unknown; code?: unknown };
    const reason = typeof responseCode === 'number' ? `SMTP ${responseCode}` : typeof code === 'string' ? code : 'error';
    const detail = `E-mailing ${to.join(', ')} over SMTP failed (${reason}).`;
    const entry = makeEntry(scope, phase, ACTION, 'failed', detail, { ...data, error: reason });
    // SMTP 4xx replies are temporary by definition; connection errors usually are too.
    entry.retryable = typeof responseCode === 'number' ? responseCode < 500 : code !== 'EAUTH' && code !== 'EENVELOPE';
    return entry;
  }
  const sentId = (res.value as { messageId?: unknown }).messageId;
  return makeEntry(scope, phase, ACTION, 'ok', `E-mailed ${to.join(', ')} over SMTP.`, {
    ...data,
    messageId: typeof sentId === 'string' ? sentId : null,
  });
}

export const smtpNotifier: Notifier = { id: ID, send };
