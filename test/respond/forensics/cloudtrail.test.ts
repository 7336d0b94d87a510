import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { GetAccessKeyLastUsedCommand, IAMClient } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { investigateCodeCommitExposure } from '../../../src/respond/forensics/cloudtrail.js';
import type { ForensicsContext } from '../../../src/respond/forensics/cloudtrail.js';
import { isKnownPrincipal } from '../../../src/respond/forensics/lookup-codecommit-access.js';
import { createRateLimiter } from '../../../src/util/create-rate-limiter.js';
import { awsError, callSequence } from '../../helpers/aws-calls.js';
import { fakeAccessKeyId } from '../../helpers/fake-credentials.js';
import { makeIncident } from '../../helpers/make-incident.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';

const ctMock = mockClient(CloudTrailClient);
const iamMock = mockClient(IAMClient);
const NOW = new Date('2026-11-28T12:00:00.000Z');
const CI_ROLE = 'arn:aws:sts::111122223333:assumed-role/ci-build/session-1';
const STRANGER = 'arn:aws:iam::111122223333:user/mallory';

function event(eventName: string, arn: string, repo: string, at: string, where: 'additionalEventData' | 'requestParameters' = 'additionalEventData') {
  return {
    EventId: `${eventName}-${arn}-${at}`,
    EventName: eventName,
    CloudTrailEvent: JSON.stringify({
      eventTime: at,
      eventName,
      eventSource: 'codecommit.amazonaws.com',
      sourceIPAddress: arn === STRANGER ? '203.0.113.9' : '10.0.0.5',
      userAgent: arn === STRANGER ? 'git/2.43.0' : 'git-remote-codecommit/1.17',
      userIdentity: { type: arn.includes('assumed-role') ? 'AssumedRole' : 'IAMUser', arn },
      [where]: { repositoryName: repo },
    }),
  };
}

let sleeps: number[];

function context(overrides: Partial<ForensicsContext> = {}): ForensicsContext {
  let clock = 0;
  return {
    incident: makeIncident(),
    clients: { cloudtrail: new CloudTrailClient({}), iam: new IAMClient({}) },
    options: { knownPrincipals: ['arn:aws:iam::111122223333:role/ci-*'] },
    log: createMemoryLogger().log,
    now: () => NOW,
    limiter: createRateLimiter({
      perSecond: 2,
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    }),
    ...overrides,
  };
}

beforeEach(() => {
  ctMock.reset();
  iamMock.reset();
  sleeps = [];
});

describe('CloudTrail forensics', () => {
  it('pages through CodeCommit events at 2 requests/s and keeps Git pulls and pushes of the repository', async () => {
    ctMock
      .on(LookupEventsCommand, { NextToken: undefined })
      .resolves({
        Events: [
          event('GitPull', CI_ROLE, 'payments-api', '2026-11-21T09:00:00Z'),
          event('GitPull', STRANGER, 'other-repo', '2026-11-21T09:30:00Z'),
          event('GetRepository', STRANGER, 'payments-api', '2026-11-22T09:00:00Z'),
        ],
        NextToken: 'next',
      })
      .on(LookupEventsCommand, { NextToken: 'next' })
      .resolves({
        Events: [
          event('GitPull', STRANGER, 'payments-api', '2026-11-25T03:00:00Z', 'requestParameters'),
          event('GitPush', CI_ROLE, 'payments-api', '2026-11-26T09:00:00Z'),
        ],
      });

    const result = await investigateCodeCommitExposure(context());

    const inputs = ctMock.commandCalls(LookupEventsCommand).map((c) => c.args[0].input);
    expect(inputs).toEqual([
      {
        LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'codecommit.amazonaws.com' }],
        StartTime: new Date('2026-11-20T10:00:00.000Z'),
        EndTime: NOW,
        MaxResults: 50,
        NextToken: undefined,
      },
      expect.objectContaining({ NextToken: 'next' }),
    ]);
    expect(sleeps).toEqual([500]);
    expect(result.entries[0]).toMatchObject({ action: 'forensics.codecommit-access', outcome: 'ok', phase: 'detection-analysis' });
    expect(result.entries[0]?.data).toMatchObject({ pulls: 2, pushes: 1, identities: 2, unusual: 1 });
    expect(result.entries[1]?.data).toMatchObject({ identity: STRANGER, unusual: true, pulls: 1 });
    expect(result.entries[1]?.detail).toContain('203.0.113.9');
    expect(result.entries[1]?.detail).toContain('git/2.43.0');
    expect(result.entries[2]?.data).toMatchObject({ identity: CI_ROLE, unusual: false, pulls: 1, pushes: 1 });
    expect(result.remainingSteps).toHaveLength(1);
    expect(result.remainingSteps[0]).toContain(STRANGER);
  });

  it('looks back at most 90 days and says earlier accesses need the trail', async () => {
    ctMock.on(LookupEventsCommand).resolves({ Events: [] });
    const base = makeIncident();
    const old = { ...base, exposure: { ...base.exposure, firstSeen: new Date('2025-01-01T00:00:00Z') } };
    const result = await investigateCodeCommitExposure(context({ incident: old }));
    expect(ctMock.commandCalls(LookupEventsCommand)[0]?.args[0].input.StartTime).toEqual(new Date('2026-08-30T12:00:00.000Z'));
    expect(result.remainingSteps.some((s) => s.includes('CloudTrail Lake'))).toBe(true);
  });

  it('reports the leaked key as used after the exposure', async () => {
    ctMock.on(LookupEventsCommand).resolves({ Events: [] });
    iamMock.on(GetAccessKeyLastUsedCommand).resolves({
      UserName: 'alice',
      AccessKeyLastUsed: { LastUsedDate: new Date('2026-11-27T08:00:00Z'), ServiceName: 'ec2', Region: 'ap-southeast-2' },
    });
    const keyId = fakeAccessKeyId();
    const result = await investigateCodeCommitExposure(context({ accessKeyId: keyId }));
    expect(callSequence(ctMock, iamMock)).toEqual(['LookupEvents', 'GetAccessKeyLastUsed']);
    expect(result.entries.at(-1)).toMatchObject({ action: 'forensics.key-last-use', data: { usedAfterExposure: true, lastUsedRegion: 'ap-southeast-2' } });
    expect(result.remainingSteps.some((s) => s.includes('after it leaked'))).toBe(true);
    expect(JSON.stringify(result)).not.toContain(keyId);
  });

  it('records throttling as retryable and AccessDenied as a manual step, without throwing', async () => {
    ctMock.on(LookupEventsCommand).rejects(awsError('ThrottlingException'));
    const throttled = await investigateCodeCommitExposure(context());
    expect(throttled.entries[0]).toMatchObject({ outcome: 'failed', retryable: true });

    ctMock.reset();
    ctMock.on(LookupEventsCommand).rejects(awsError('AccessDeniedException'));
    const denied = await investigateCodeCommitExposure(context());
    expect(denied.entries[0]).toMatchObject({ outcome: 'failed', retryable: false });
    expect(denied.remainingSteps.some((s) => s.startsWith('Do by hand'))).toBe(true);
  });

  it('stops at maxEvents and says the list is truncated', async () => {
    ctMock.on(LookupEventsCommand).resolves({ Events: [event('GitPull', CI_ROLE, 'payments-api', '2026-11-21T09:00:00Z')], NextToken: 'more' });
    const result = await investigateCodeCommitExposure(context({ options: { knownPrincipals: [], maxEvents: 3 } }));
    expect(ctMock.commandCalls(LookupEventsCommand)).toHaveLength(3);
    expect(result.entries[0]?.data).toMatchObject({ truncated: true, pulls: 3 });
  });

  it('matches an assumed-role session against its role ARN and globs', () => {
    expect(isKnownPrincipal(CI_ROLE, ['arn:aws:iam::111122223333:role/ci-build'])).toBe(true);
    expect(isKnownPrincipal(CI_ROLE, ['arn:aws:iam::111122223333:role/deploy'])).toBe(false);
    expect(isKnownPrincipal(STRANGER, ['arn:aws:iam::111122223333:user/*'])).toBe(true);
    expect(isKnownPrincipal(STRANGER, ['arn:aws:iam::111122223333:user/mal'])).toBe(false);
  });
});
