import { describe, expect, it } from 'vitest';
import { isPublicIp } from '../../../src/aws/is-public-ip.js';
import { parseCloudTrailEvent } from '../../../src/watch/indicators/parse-cloudtrail-event.js';
import { parseEventBridgeIndicator } from '../../../src/watch/indicators/parse-eventbridge-indicator.js';
import { parseGuardDutyFinding } from '../../../src/watch/indicators/parse-guardduty-finding.js';
import { fakeAccessKeyId } from '../../helpers/fake-credentials.js';

const base = { eventID: 'e-1', eventTime: '2026-12-01T10:00:00Z', awsRegion: 'eu-west-1', sourceIPAddress: '198.51.100.7', userIdentity: { arn: 'arn:aws:iam::111122223333:user/bob' } };

describe('CloudTrail events around code stores', () => {
  it('tells a public bucket policy from a conditional one', () => {
    const open = { Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: '*' }] };
    const limited = { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }] };
    expect(parseCloudTrailEvent({ ...base, eventName: 'PutBucketPolicy', requestParameters: { bucketName: 'b', bucketPolicy: open } })).toMatchObject({ effect: 'made-public', buckets: ['b'], fromPublicIp: true });
    expect(parseCloudTrailEvent({ ...base, eventName: 'PutBucketPolicy', requestParameters: { bucketName: 'b', bucketPolicy: JSON.stringify(limited) } })?.effect).toBe('access-change');
  });

  it('reads public ACL grants, canned ACLs, removed Block Public Access and public AMI / snapshot permissions', () => {
    const grant = { AccessControlPolicy: { AccessControlList: { Grant: [{ Grantee: { URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' }] } } };
    expect(parseCloudTrailEvent({ ...base, eventName: 'PutBucketAcl', requestParameters: { bucketName: 'b', ...grant } })?.effect).toBe('made-public');
    expect(parseCloudTrailEvent({ ...base, eventName: 'PutObjectAcl', requestParameters: { bucketName: 'b', key: 'k', 'x-amz-acl': 'public-read' } })).toMatchObject({ effect: 'made-public', object: { bucket: 'b', key: 'k' } });
    expect(parseCloudTrailEvent({ ...base, eventName: 'PutBucketAcl', requestParameters: { bucketName: 'b', 'x-amz-acl': 'private' } })?.effect).toBe('access-change');
    expect(parseCloudTrailEvent({ ...base, eventName: 'DeleteBucketPublicAccessBlock', requestParameters: { bucketName: 'b' } })?.effect).toBe('protection-removed');
    const image = parseCloudTrailEvent({ ...base, eventName: 'ModifyImageAttribute', requestParameters: { imageId: 'ami-0123456789abcdef0', launchPermission: { add: { items: [{ group: 'all' }] } } } });
    expect(image).toMatchObject({ effect: 'made-public', resourceIds: ['ami-0123456789abcdef0'], buckets: [] });
    const shared = parseCloudTrailEvent({ ...base, eventName: 'ModifySnapshotAttribute', requestParameters: { snapshotId: 'snap-0123456789abcdef0', createVolumePermission: { add: { items: [{ userId: '444455556666' }] } } } });
    expect(shared?.effect).toBe('access-change');
  });

  it('takes the version id of a written object, and ignores failed calls and other events', () => {
    const put = parseCloudTrailEvent({ ...base, eventName: 'PutObject', requestParameters: { bucketName: 'b', key: 'src.zip' }, responseElements: { 'x-amz-version-id': 'v1' } });
    expect(put).toMatchObject({ effect: 'object-write', object: { bucket: 'b', key: 'src.zip', versionId: 'v1' } });
    expect(parseCloudTrailEvent({ ...base, eventName: 'PutBucketPolicy', errorCode: 'AccessDenied', requestParameters: { bucketName: 'b' } })).toBeUndefined();
    expect(parseCloudTrailEvent({ ...base, eventName: 'GetObject', requestParameters: { bucketName: 'b' } })).toBeUndefined();
  });
});

describe('GuardDuty findings', () => {
  it('reads a playbook finding from the API shape (PascalCase) and from EventBridge (camelCase) alike', () => {
    const keyId = fakeAccessKeyId();
    const api = {
      Id: 'f-1', Type: 'Exfiltration:S3/ObjectRead.Unusual', Severity: 8, Region: 'eu-west-1', AccountId: '111122223333', UpdatedAt: '2026-12-01T10:00:00Z', Title: 'Unusual reads',
      Resource: { AccessKeyDetails: { AccessKeyId: keyId, UserName: 'bob', UserType: 'IAMUser' }, S3BucketDetails: [{ Name: 'payments-code-backups' }] },
      Service: { Action: { AwsApiCallAction: { RemoteIpDetails: { IpAddressV4: '198.51.100.7' } } } },
    };
    const fromApi = parseGuardDutyFinding(api);
    expect(fromApi).toMatchObject({ id: 'f-1', severity: 8, accessKeyId: keyId, principalArn: 'arn:aws:iam::111122223333:user/bob', buckets: ['payments-code-backups'], sourceIp: '198.51.100.7', fromPublicIp: true, effect: 'finding' });
    const event = { source: 'aws.guardduty', 'detail-type': 'GuardDuty Finding', detail: { id: 'f-1', type: 'Exfiltration:S3/ObjectRead.Unusual', severity: 8, region: 'eu-west-1', accountId: '111122223333', updatedAt: '2026-12-01T10:00:00Z', title: 'Unusual reads', resource: { accessKeyDetails: { accessKeyId: keyId, userName: 'bob', userType: 'IAMUser' }, s3BucketDetails: [{ name: 'payments-code-backups' }] }, service: { action: { awsApiCallAction: { remoteIpDetails: { ipAddressV4: '198.51.100.7' } } } } } };
    expect(parseEventBridgeIndicator(event)).toEqual(fromApi);
  });

  it('ignores finding types the playbook does not name', () => {
    expect(parseGuardDutyFinding({ id: 'f-2', type: 'Recon:EC2/PortProbeUnprotectedPort', region: 'eu-west-1' })).toBeUndefined();
    expect(parseEventBridgeIndicator({ source: 'aws.codecommit', 'detail-type': 'CodeCommit Repository State Change', detail: {} })).toBeUndefined();
  });
});

describe('isPublicIp', () => {
  it('is false for private, loopback, link-local, CGNAT, unique-local and service names', () => {
    for (const ip of ['10.1.2.3', '172.20.0.1', '192.168.1.1', '127.0.0.1', '169.254.1.1', '100.64.0.1', 'fd00::1', '::1', 's3.amazonaws.com', 'AWS Internal', undefined]) expect(isPublicIp(ip)).toBe(false);
    for (const ip of ['198.51.100.7', '8.8.8.8', '2001:db8::1', '::ffff:203.0.113.1']) expect(isPublicIp(ip)).toBe(true);
  });
});
