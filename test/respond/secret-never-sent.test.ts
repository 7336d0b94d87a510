/**
 * End to end over the providers: contain a leaked AWS pair, record the timeline, render the
 * message and send it over SES, SNS and real SMTP; the secret must appear in none of it.
 */
import {
  AttachUserPolicyCommand,
  GetAccessKeyLastUsedCommand,
  IAMClient,
  ListAccessKeysCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { createTransport } from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { notifiers } from '../../src/respond/notifiers/api.js';
import { renderIncidentMessage } from '../../src/respond/render-incident-message.js';
import { rotators } from '../../src/respond/rotators/api.js';
import { sentInputs } from '../helpers/aws-calls.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-credentials.js';
import { makeIncident } from '../helpers/make-incident.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import type { SmtpSink } from '../helpers/smtp-sink.js';

const NOW = new Date('2026-11-28T12:00:00.000Z');
const iamMock = mockClient(IAMClient);
const stsMock = mockClient(STSClient);
const sesMock = mockClient(SESv2Client);
const snsMock = mockClient(SNSClient);
let sink: SmtpSink | undefined;

afterEach(async () => {
  for (const m of [iamMock, stsMock, sesMock, snsMock]) m.reset();
  await sink?.close();
});

describe('the secret never leaves the providers', () => {
  it('appears in no timeline, log, rendered message, SES/SNS call or received e-mail', async () => {
    const keyId = fakeAccessKeyId();
    const secretKey = fakeSecretAccessKey();
    stsMock.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/lw/d' });
    stsMock.on(GetAccessKeyInfoCommand).resolves({ Account: '111122223333' });
    iamMock.on(GetAccessKeyLastUsedCommand).resolves({ UserName: 'alice', AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });
    iamMock.on(AttachUserPolicyCommand).resolves({});
    iamMock.on(PutUserPolicyCommand).resolves({});
    iamMock.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [{ AccessKeyId: keyId, Status: 'Active' }] });
    iamMock.on(UpdateAccessKeyCommand).resolves({});
    sesMock.on(SendEmailCommand).resolves({ MessageId: 'x' });
    snsMock.on(PublishCommand).resolves({ MessageId: 'y' });
    sink = await startSmtpSink();
    const { log, text: logText } = createMemoryLogger();

    const incident = makeIncident();
    const rotator = rotators.get('aws-iam-access-key');
    const contained = await rotator?.contain({
      incident,
      secret: { value: secretKey, relatedValue: keyId },
      clients: { iam: new IAMClient({}), sts: new STSClient({}) },
      options: {},
      log,
      now: () => NOW,
    });
    expect(contained?.entries.some((e) => e.action === 'iam.deactivate-key' && e.outcome === 'ok')).toBe(true);
    incident.timeline.push(...(contained?.entries ?? []));
    incident.remainingSteps.push(...(contained?.remainingSteps ?? []));

    const message = renderIncidentMessage(incident, 'owner', NOW);
    const deps = {
      ses: { client: new SESv2Client({}), from: 'lw@example.com' },
      sns: { client: new SNSClient({}) },
      smtp: { transport: createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true }), from: 'lw@example.com' },
    };
    const sent = [];
    for (const notifier of notifiers.values()) {
      sent.push(await notifier.send({ incident, message, audience: 'owner', deps, log, now: () => NOW }));
    }
    expect(sent.map((e) => e.outcome)).toEqual(['ok', 'ok', 'ok']);
    expect(sink.received).toHaveLength(1);

    const everything = [
      JSON.stringify(incident),
      JSON.stringify(sent),
      message.subject,
      message.text,
      message.html,
      sentInputs(iamMock, stsMock, sesMock, snsMock),
      sink.received.map((m) => m.raw).join('\n'),
      logText(),
    ].join('\n');
    expect(everything).toContain('wJal…EKEY');
    expect(everything).not.toContain(secretKey);
    expect(everything).not.toContain(Buffer.from(secretKey).toString('base64'));
  });
});
