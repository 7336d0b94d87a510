import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { DeleteAccessKeyCommand, GetAccessKeyLastUsedCommand, IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { respondToFindings } from '../../../src/respond/respond-to-findings.js';
import { runDueFollowUps } from '../../../src/respond/run-follow-ups.js';
import { removeTempDirs } from '../../helpers/git-repo.js';
import { makeEngine, makeFixture, scanFindings } from '../../helpers/incident-fixture.js';
import type { Engine, Fixture } from '../../helpers/incident-fixture.js';

const NOW = new Date('2026-11-28T12:00:00.000Z');
const DAY = 86_400_000;
const STRANGER = 'arn:aws:iam::111122223333:user/mallory';
const iamMock = mockClient(IAMClient);
const stsMock = mockClient(STSClient);
const snsMock = mockClient(SNSClient);
const ctMock = mockClient(CloudTrailClient);
let f: Fixture;
let engine: Engine;
let clock: Date;

afterAll(removeTempDirs);
beforeEach(async () => {
  for (const m of [iamMock, stsMock, snsMock, ctMock]) m.reset();
  f = await makeFixture();
  clock = NOW;
  stsMock.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/leakwatch/daemon' });
  stsMock.on(GetAccessKeyInfoCommand).resolves({ Account: '111122223333' });
  iamMock.on(GetAccessKeyLastUsedCommand).resolves({ UserName: 'alice', AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });
  iamMock.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [{ AccessKeyId: f.keyId, Status: 'Active', UserName: 'alice' }] });
  snsMock.on(PublishCommand).resolves({ MessageId: 'm' });
  ctMock.on(LookupEventsCommand).resolves({
    Events: [
      {
        EventId: 'e1',
        EventName: 'GitPull',
        CloudTrailEvent: JSON.stringify({
          eventTime: '2026-11-27T03:00:00Z',
          eventName: 'GitPull',
          eventSource: 'codecommit.amazonaws.com',
          sourceIPAddress: '203.0.113.9',
          userAgent: 'git/2.43.0',
          userIdentity: { type: 'IAMUser', arn: STRANGER },
          additionalEventData: { repositoryName: 'payments-api' },
        }),
      },
    ],
  });
  engine = makeEngine(f, null, () => clock);
  engine.deps.clients.cloudtrail = new CloudTrailClient({ region: 'us-east-1' });
});
afterEach(() => engine.store.close());

describe('forensics and follow-ups', () => {
  it('attaches who pulled the repository since the exposure to the timeline, once', async () => {
    const input = { findings: await scanFindings(f), repository: f.repository, gitDir: `${f.repo.dir}/.git` };
    const id = (await respondToFindings(engine.deps, input)).opened[0]!;
    await respondToFindings(engine.deps, input);
    const forensics = engine.store.get(id)!.timeline.filter((e) => e.provider === 'cloudtrail');
    expect(forensics.length).toBeGreaterThan(0);
    expect(forensics.map((e) => e.detail).join('\n')).toContain('mallory');
    expect(ctMock.commandCalls(LookupEventsCommand)).toHaveLength(1);
  });

  it('deletes the deactivated key once the grace period has passed, exactly once', async () => {
    const id = (await respondToFindings(engine.deps, { findings: await scanFindings(f), repository: f.repository, gitDir: `${f.repo.dir}/.git` })).opened[0]!;
    iamMock.on(DeleteAccessKeyCommand).resolves({});
    iamMock.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [{ AccessKeyId: f.keyId, Status: 'Inactive', UserName: 'alice' }] });
    clock = new Date(NOW.getTime() + 6 * DAY);
    expect(await runDueFollowUps(engine.deps)).toBe(0);
    clock = new Date(NOW.getTime() + 8 * DAY);
    expect(await runDueFollowUps(engine.deps)).toBe(1);
    expect(await runDueFollowUps(engine.deps)).toBe(0);
    expect(iamMock.commandCalls(DeleteAccessKeyCommand).map((c) => c.args[0].input)).toEqual([{ UserName: 'alice', AccessKeyId: f.keyId }]);
    expect(engine.store.get(id)!.timeline.filter((e) => e.action === 'iam.delete-key' && e.outcome === 'ok')).toHaveLength(1);
  });
});
