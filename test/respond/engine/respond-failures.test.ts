import {
  AttachUserPolicyCommand,
  GetAccessKeyLastUsedCommand,
  IAMClient,
  ListAccessKeysCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { advanceOpenIncidents, respondToFindings } from '../../../src/respond/respond-to-findings.js';
import { awsError } from '../../helpers/aws-calls.js';
import { removeTempDirs } from '../../helpers/git-repo.js';
import { ESCALATION, OWNER, makeEngine, makeFixture, scanFindings } from '../../helpers/incident-fixture.js';
import type { Engine, Fixture } from '../../helpers/incident-fixture.js';
import { startSmtpSink } from '../../helpers/smtp-sink.js';
import type { SmtpSink } from '../../helpers/smtp-sink.js';

const NOW = new Date('2026-11-28T12:00:00.000Z');
const iamMock = mockClient(IAMClient);
const stsMock = mockClient(STSClient);
const snsMock = mockClient(SNSClient);
let sink: SmtpSink;
let f: Fixture;
let engine: Engine;

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
  removeTempDirs();
});
beforeEach(async () => {
  for (const m of [iamMock, stsMock, snsMock]) m.reset();
  sink.received.length = 0;
  f = await makeFixture();
  stsMock.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/leakwatch/daemon' });
  stsMock.on(GetAccessKeyInfoCommand).resolves({ Account: '111122223333' });
  iamMock.on(GetAccessKeyLastUsedCommand).resolves({ UserName: 'alice', AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });
  iamMock.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [{ AccessKeyId: f.keyId, Status: 'Active', UserName: 'alice' }] });
  snsMock.on(PublishCommand).resolves({ MessageId: 'm' });
  engine = makeEngine(f, sink, () => NOW);
});
afterEach(() => engine.store.close());

async function respond(): Promise<string> {
  const summary = await respondToFindings(engine.deps, { findings: await scanFindings(f), repository: f.repository, gitDir: `${f.repo.dir}/.git` });
  expect(summary.failed).toEqual([]);
  return [...summary.opened, ...summary.joined][0]!;
}

const outcomes = (id: string, action: string) =>
  engine.store.get(id)!.timeline.filter((e) => e.action === action).map((e) => `${e.outcome}${e.retryable === true ? ':retryable' : ''}`);

describe('respondToFindings failures', () => {
  it('records throttling, retries on the next pass without repeating what worked, then marks the incident contained', async () => {
    iamMock.on(UpdateAccessKeyCommand).rejectsOnce(awsError('Throttling')).resolves({});
    const id = await respond();
    expect(outcomes(id, 'iam.deactivate-key')).toEqual(['failed:retryable']);
    expect(engine.store.get(id)?.status).toBe('open');
    expect(engine.store.action(id, 'containment.contain')).toEqual({ state: 'failed', attempts: 1 });

    await advanceOpenIncidents(engine.deps);
    expect(outcomes(id, 'iam.deactivate-key')).toEqual(['failed:retryable', 'ok']);
    expect(iamMock.commandCalls(AttachUserPolicyCommand)).toHaveLength(1);
    expect(engine.store.get(id)?.status).toBe('contained');
    // The first message said the deactivation would be retried; the second says it is done.
    expect(sink.received).toHaveLength(2);
    expect(sink.received[1]?.raw).toContain('Contained:');
  });

  it('gives up after response.maxAttempts throttled tries and escalates once to the escalation contacts', async () => {
    iamMock.on(UpdateAccessKeyCommand).rejects(awsError('ThrottlingException'));
    const id = await respond();
    await advanceOpenIncidents(engine.deps);
    await advanceOpenIncidents(engine.deps);
    await advanceOpenIncidents(engine.deps);
    expect(iamMock.commandCalls(UpdateAccessKeyCommand)).toHaveLength(3);
    expect(outcomes(id, 'engine.retries-exhausted')).toEqual(['failed']);
    expect(sink.received.map((m) => m.to)).toEqual([[OWNER], [OWNER, ESCALATION]]);
    expect(sink.received[1]?.raw).toContain('Unacknowledged');
    expect(engine.store.get(id)?.remainingSteps).toContain('Some automatic steps kept failing (see the timeline): do them by hand.');
  });

  it('records AccessDenied as a step for a person, does not retry it, and does not call the incident contained', async () => {
    iamMock.on(AttachUserPolicyCommand).rejects(awsError('AccessDenied', { $metadata: { httpStatusCode: 403 } }));
    iamMock.on(UpdateAccessKeyCommand).resolves({});
    const id = await respond();
    await advanceOpenIncidents(engine.deps);
    expect(outcomes(id, 'iam.attach-quarantine-policy')).toEqual(['failed']);
    expect(iamMock.commandCalls(AttachUserPolicyCommand)).toHaveLength(1);
    expect(engine.store.get(id)?.status).toBe('open');
    expect(engine.store.get(id)?.remainingSteps.join('\n')).toMatch(/AWSCompromisedKeyQuarantineV3/);
  });

  it('records a key already deleted (NoSuchEntity) without crashing or scheduling its deletion', async () => {
    iamMock.on(UpdateAccessKeyCommand).rejects(awsError('NoSuchEntity', { $metadata: { httpStatusCode: 404 } }));
    const id = await respond();
    expect(engine.store.get(id)!.timeline.some((e) => e.action === 'iam.deactivate-key' && e.data?.['error'] === 'NoSuchEntity')).toBe(true);
    expect(engine.store.dueFollowUps(new Date(NOW.getTime() + 30 * 86_400_000))).toEqual([]);
    expect(sink.received).toHaveLength(1);
  });

  it('retries only the SNS delivery that was throttled; the e-mail is not sent twice', async () => {
    snsMock.on(PublishCommand).rejectsOnce(awsError('Throttling')).resolves({ MessageId: 'm2' });
    iamMock.on(UpdateAccessKeyCommand).resolves({});
    const id = await respond();
    expect(outcomes(id, 'notify.sns')).toEqual(['failed:retryable']);
    await advanceOpenIncidents(engine.deps);
    await advanceOpenIncidents(engine.deps);
    expect(outcomes(id, 'notify.sns')).toEqual(['failed:retryable', 'ok']);
    expect(sink.received).toHaveLength(1);
  });

  it('keeps going when the repository cannot be read to recover the secret, and says so', async () => {
    engine.deps.gitDirFor = () => undefined;
    const summary = await respondToFindings(engine.deps, { findings: await scanFindings(f), repository: f.repository });
    const id = summary.opened[0]!;
    expect(outcomes(id, 'containment.secret-unavailable')).toEqual(['failed:retryable']);
    expect(iamMock.calls()).toHaveLength(0);
    expect(sink.received).toHaveLength(1);
  });
});
