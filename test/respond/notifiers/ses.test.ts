import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { sesNotifier } from '../../../src/respond/notifiers/ses/index.js';
import type { NotifyContext } from '../../../src/respond/notifiers/types.js';
import type { Audience } from '../../../src/respond/incident-message-parts.js';
import type { Incident } from '../../../src/domain/incident.js';
import { awsError } from '../../helpers/aws-calls.js';
import { makeIncident } from '../../helpers/make-incident.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';

const sesMock = mockClient(SESv2Client);
const NOW = new Date('2026-11-28T12:00:00.000Z');
const message = { subject: 'S', text: 'T', html: '<p>H</p>' };

function context(incident: Incident = makeIncident(), audience: Audience = 'owner'): NotifyContext {
  return {
    incident,
    message,
    audience,
    deps: { ses: { client: new SESv2Client({}), from: 'leakwatch@example.com', configurationSetName: 'alerts' } },
    log: createMemoryLogger().log,
    now: () => NOW,
  };
}

beforeEach(() => sesMock.reset());

describe('ses notifier', () => {
  it('sends one SendEmail to the owner with Simple text and HTML content', async () => {
    sesMock.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    const entry = await sesNotifier.send(context());
    expect(sesMock.commandCalls(SendEmailCommand).map((c) => c.args[0].input)).toEqual([
      {
        FromEmailAddress: 'leakwatch@example.com',
        Destination: { ToAddresses: ['owner@example.com'] },
        Content: {
          Simple: {
            Subject: { Data: 'S', Charset: 'UTF-8' },
            Body: { Text: { Data: 'T', Charset: 'UTF-8' }, Html: { Data: '<p>H</p>', Charset: 'UTF-8' } },
          },
        },
        ConfigurationSetName: 'alerts',
      },
    ]);
    expect(entry).toMatchObject({ action: 'notify.email', outcome: 'ok', provider: 'ses', data: { messageId: 'm-1' } });
  });

  it('adds the escalation contacts when escalating', async () => {
    sesMock.on(SendEmailCommand).resolves({});
    await sesNotifier.send(context(makeIncident(), 'escalation'));
    expect(sesMock.commandCalls(SendEmailCommand)[0]?.args[0].input.Destination?.ToAddresses).toEqual([
      'owner@example.com',
      'security@example.com',
    ]);
  });

  it('falls back to the escalation contacts when the repository has no owner', async () => {
    sesMock.on(SendEmailCommand).resolves({});
    const base = makeIncident();
    await sesNotifier.send(context({ ...base, repository: { ...base.repository, ownerEmail: undefined } }));
    expect(sesMock.commandCalls(SendEmailCommand)[0]?.args[0].input.Destination?.ToAddresses).toEqual(['security@example.com']);
  });

  it('records throttling as a retryable failure instead of throwing', async () => {
    sesMock.on(SendEmailCommand).rejects(awsError('TooManyRequestsException'));
    const entry = await sesNotifier.send(context());
    expect(entry).toMatchObject({ outcome: 'failed', retryable: true });
  });

  it('skips when nobody can be e-mailed', async () => {
    const base = makeIncident();
    const entry = await sesNotifier.send(context({ ...base, repository: { ...base.repository, ownerEmail: undefined, escalationContacts: [] } }));
    expect(sesMock.calls()).toHaveLength(0);
    expect(entry.outcome).toBe('skipped');
  });
});
