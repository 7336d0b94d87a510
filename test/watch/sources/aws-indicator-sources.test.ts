/**
 * The two indicator sources: GuardDuty through the real SDK against the fake AWS (every call
 * recorded), CloudTrail event history through aws-sdk-client-mock.
 */
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAwsCloudTrailCodeStoresSource } from '../../../src/watch/sources/aws-cloudtrail-code-stores/index.js';
import { createAwsGuardDutySource } from '../../../src/watch/sources/aws-guardduty/index.js';
import { startFakeAws } from '../../helpers/fake-aws.js';
import type { FakeAws } from '../../helpers/fake-aws.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../../helpers/fake-credentials.js';
import type { FakePublicGitHub } from '../../helpers/fake-github-public.js';
import { recordingContext } from '../watch-fixture.js';

const NO_GITHUB = { baseUrl: 'http://127.0.0.1:9' } as FakePublicGitHub;

function finding(id: string, type: string, updatedAt: string): Record<string, unknown> {
  return { id, type, severity: 5, region: 'us-east-1', accountId: '111122223333', updatedAt, title: type, resource: { s3BucketDetails: [{ name: 'payments-code-backups' }] } };
}

describe('aws-guardduty source (real SDK, fake AWS)', () => {
  let aws: FakeAws;
  beforeEach(async () => {
    aws = await startFakeAws({ account: '111122223333', users: {} });
  });
  afterEach(async () => aws.close());

  const client = () => new GuardDutyClient({ region: 'us-east-1', endpoint: aws.url, credentials: { accessKeyId: fakeAccessKeyId(), secretAccessKey: fakeSecretAccessKey() } });

  it('does nothing unless enabled', async () => {
    const ctx = recordingContext(NO_GITHUB, {});
    expect(await createAwsGuardDutySource({ guardduty: client }).poll(ctx)).toMatchObject({ skipped: 'disabled' });
    expect(aws.calls).toHaveLength(0);
  });

  it('delivers each playbook finding once, asks only for the playbook types, and keeps a deferred one for the next poll', async () => {
    aws.findings.push(finding('f-1', 'Exfiltration:S3/ObjectRead.Unusual', '2026-11-28T11:00:00Z'), finding('f-2', 'Behavior:EC2/NetworkPortUnusual', '2026-11-28T11:30:00Z'));
    const ctx = recordingContext(NO_GITHUB, { guardduty: true });
    let defer = true;
    const source = createAwsGuardDutySource({ guardduty: client });
    ctx.indicate = async (indicator) => {
      if (indicator.id === 'f-2' && defer) return false;
      ctx.indicated.push(indicator);
      return true;
    };
    await source.poll(ctx);
    expect(ctx.indicated.map((i) => i.id)).toEqual(['f-1']);
    const listed = JSON.parse(aws.calls.find((c) => c.action === 'ListFindings')!.body) as { findingCriteria: { criterion: { type: { eq: string[] } } } };
    expect(listed.findingCriteria.criterion.type.eq).toContain('UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS');
    expect(listed.findingCriteria.criterion.type.eq).toHaveLength(14);
    defer = false;
    await source.poll(ctx);
    await source.poll(ctx);
    expect(ctx.indicated.map((i) => i.id)).toEqual(['f-1', 'f-2']);
  });
});

describe('aws-cloudtrail-code-stores source', () => {
  const ct = mockClient(CloudTrailClient);
  beforeEach(() => ct.reset());

  it('looks up each management event name and delivers the events it can read, once', async () => {
    const detail = { eventID: 'e-1', eventName: 'PutBucketAcl', eventTime: '2026-11-28T11:00:00Z', awsRegion: 'us-east-1', requestParameters: { bucketName: 'b', 'x-amz-acl': 'public-read' } };
    ct.on(LookupEventsCommand).resolves({ Events: [] });
    ct.on(LookupEventsCommand, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'PutBucketAcl' }] }).resolves({ Events: [{ EventId: 'e-1', CloudTrailEvent: JSON.stringify(detail) }, { EventId: 'e-x', CloudTrailEvent: '{not json' }] });
    const ctx = recordingContext(NO_GITHUB, { cloudtrailCodeStores: true });
    const source = createAwsCloudTrailCodeStoresSource({ cloudtrail: () => new CloudTrailClient({ region: 'us-east-1' }), sleep: () => Promise.resolve() });
    await source.poll(ctx);
    await source.poll(ctx);
    expect(ctx.indicated.map((i) => [i.id, i.effect])).toEqual([['e-1', 'made-public']]);
    const names = ct.commandCalls(LookupEventsCommand).map((c) => c.args[0].input.LookupAttributes?.[0]?.AttributeValue);
    expect(new Set(names)).toEqual(new Set(['DeletePublicAccessBlock', 'DeleteBucketPublicAccessBlock', 'PutBucketPolicy', 'PutBucketAcl', 'ModifyImageAttribute', 'ModifySnapshotAttribute']));
  });
});
