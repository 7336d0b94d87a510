/**
 * SNS Publish to the repository's topic (or the default one). SNS wants a subject under 100
 * printable ASCII characters with no line breaks; severity, kind and repository go in message
 * attributes so subscribers can filter on them.
 */
import { createHash } from 'node:crypto';
import { PublishCommand } from '@aws-sdk/client-sns';
import { attempt, errorEntry, makeEntry } from '../../timeline-entry.js';
import type { TimelineEntry } from '../../../domain/incident.js';
import type { Notifier, NotifyContext } from '../types.js';

const ID = 'sns';
const ACTION = 'notify.sns';
const MAX_SUBJECT = 99;

export function snsSubject(subject: string): string {
  const ascii = subject
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return ascii.length <= MAX_SUBJECT ? ascii : `${ascii.slice(0, MAX_SUBJECT - 3).trimEnd()}...`;
}

/** SNS allows up to 128 characters of letters, digits and punctuation. */
function dedupId(key: string): string {
  return key.length <= 128 ? key.replace(/[^\x21-\x7e]/g, '_') : createHash('sha256').update(key).digest('hex');
}

async function send(ctx: NotifyContext): Promise<TimelineEntry> {
  const scope = { provider: ID, now: ctx.now };
  const phase = ctx.phase ?? 'detection-analysis';
  const sns = ctx.deps.sns;
  const topicArn = ctx.incident.repository.snsTopicArn ?? sns?.defaultTopicArn;
  if (sns === undefined) return makeEntry(scope, phase, ACTION, 'skipped', 'SNS is not configured.');
  if (topicArn === undefined) {
    return makeEntry(scope, phase, ACTION, 'skipped', 'No SNS topic is configured for this repository.');
  }

  const { incident } = ctx;
  const res = await attempt(() =>
    sns.client.send(
      new PublishCommand({
        TopicArn: topicArn,
        Subject: snsSubject(ctx.message.subject),
        Message: ctx.message.text,
        MessageAttributes: {
          severity: { DataType: 'String', StringValue: incident.severity },
          kind: { DataType: 'String', StringValue: incident.kind },
          repository: { DataType: 'String', StringValue: incident.repository.name },
          ...(ctx.idempotencyKey === undefined ? {} : { 'idempotency-key': { DataType: 'String', StringValue: ctx.idempotencyKey } }),
        },
        // A FIFO topic drops a second publish with the same deduplication id (within 5 minutes).
        ...(topicArn.endsWith('.fifo') && ctx.idempotencyKey !== undefined
          ? { MessageDeduplicationId: dedupId(ctx.idempotencyKey), MessageGroupId: incident.id.slice(0, 128) }
          : {}),
      }),
    ),
  );
  const data = { audience: ctx.audience, topicArn };
  if (!res.ok) return errorEntry(scope, phase, ACTION, `Publishing to ${topicArn}`, res.error, data);
  const messageId = res.value.MessageId ?? null;
  return makeEntry(scope, phase, ACTION, 'ok', `Published the incident to SNS topic ${topicArn}.`, { ...data, messageId });
}

export const snsNotifier: Notifier = { id: ID, send };
