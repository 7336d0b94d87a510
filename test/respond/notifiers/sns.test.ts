import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { snsNotifier, snsSubject } from '../../../src/respond/notifiers/sns/index.js';
import { renderIncidentMessage } from '../../../src/respond/render-incident-message.js';
import type { Incident } from '../../../src/domain/incident.js';
import { awsError } from '../../helpers/aws-calls.js';
import { makeIncident } from '../../helpers/make-incident.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';

const snsMock = mockClient(SNSClient);
const NOW = new Date('2026-11-28T12:00:00.000Z');

function send(incident: Incident, defaultTopicArn?: string) {
  return snsNotifier.send({
    incident,
    message: renderIncidentMessage(incident, 'owner', NOW),
    audience: 'owner',
    deps: { sns: { client: new SNSClient({}), defaultTopicArn } },
    log: createMemoryLogger().log,
    now: () => NOW,
  });
}

beforeEach(() => snsMock.reset());

describe('sns notifier', () => {
  it('publishes to the repository topic with severity, kind and repository as String attributes', async () => {
    snsMock.on(PublishCommand).resolves({ MessageId: 'sns-1' });
    const incident = makeIncident();
    const entry = await send(incident, 'arn:aws:sns:eu-west-1:111122223333:default');
    const input = snsMock.commandCalls(PublishCommand)[0]?.args[0].input;
    expect(snsMock.calls()).toHaveLength(1);
    expect(input?.TopicArn).toBe(incident.repository.snsTopicArn);
    expect(input?.MessageAttributes).toEqual({
      severity: { DataType: 'String', StringValue: 'critical' },
      kind: { DataType: 'String', StringValue: 'credential-exposure' },
      repository: { DataType: 'String', StringValue: 'payments-api' },
    });
    expect(input?.Message).toContain('What you still need to do');
    expect(entry).toMatchObject({ action: 'notify.sns', outcome: 'ok', data: { messageId: 'sns-1' } });
  });

  it('keeps the subject under 100 printable ASCII characters with no line breaks', async () => {
    snsMock.on(PublishCommand).resolves({});
    const base = makeIncident();
    const incident = { ...base, exposure: { ...base.exposure, title: `Très long\ntitre ${'é'.repeat(40)} ${'x'.repeat(120)}` } };
    await send(incident);
    const subject = snsMock.commandCalls(PublishCommand)[0]?.args[0].input.Subject ?? '';
    expect(subject.length).toBeLessThan(100);
    expect(subject).toMatch(/^[\x20-\x7e]+$/);
    expect(subject.startsWith('[leakwatch] CRITICAL Tres long titre')).toBe(true);
  });

  it('falls back to the default topic and skips when there is none', async () => {
    snsMock.on(PublishCommand).resolves({});
    const base = makeIncident();
    const noTopic = { ...base, repository: { ...base.repository, snsTopicArn: undefined } };
    await send(noTopic, 'arn:aws:sns:eu-west-1:111122223333:default');
    expect(snsMock.commandCalls(PublishCommand)[0]?.args[0].input.TopicArn).toBe('arn:aws:sns:eu-west-1:111122223333:default');
    const skipped = await send(noTopic);
    expect(skipped.outcome).toBe('skipped');
    expect(snsMock.calls()).toHaveLength(1);
  });

  it('records AccessDenied (AuthorizationError) as a failure needing a person', async () => {
    snsMock.on(PublishCommand).rejects(awsError('AuthorizationError', { $metadata: { httpStatusCode: 403 } }));
    const entry = await send(makeIncident());
    expect(entry).toMatchObject({ outcome: 'failed', retryable: false });
  });

  it('leaves a short subject untouched', () => {
    expect(snsSubject('[leakwatch] HIGH x exposed in y')).toBe('[leakwatch] HIGH x exposed in y');
  });
});
