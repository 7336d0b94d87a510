import { DescribeImagesCommand, DescribeInstancesCommand, DescribeSnapshotsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetBucketTaggingCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/config/load-config.js';
import { loadInventory } from '../../../../src/inventory/load-inventory.js';
import { createAwsTagsSource } from '../../../../src/inventory/sources/aws-tags/index.js';
import { awsError } from '../../../helpers/aws-calls.js';
import { createMemoryLogger } from '../../../helpers/memory-logger.js';

const s3 = mockClient(S3Client);
const ec2 = mockClient(EC2Client);
beforeEach(() => {
  s3.reset();
  ec2.reset();
});

const source = createAwsTagsSource({ s3: () => new S3Client({ region: 'us-east-1' }), ec2: () => new EC2Client({ region: 'us-east-1' }) });
const sources = new Map([[source.id, source]]);

describe('aws-tags inventory source', () => {
  it('lists tagged buckets (with prefix and writers), instances, AMIs and snapshots with owner and classification from tags', async () => {
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'code-backups', BucketRegion: 'eu-west-1' }, { Name: 'logs' }, { Name: 'untagged' }, { Name: 'locked' }] });
    s3.on(GetBucketTaggingCommand, { Bucket: 'code-backups' }).resolves({ TagSet: [
      { Key: 'leakwatch:code', Value: 'true' }, { Key: 'leakwatch:code-prefix', Value: 'src/' }, { Key: 'owner', Value: 'owner@example.test' },
      { Key: 'data-classification', Value: 'Restricted' }, { Key: 'leakwatch:code-writers', Value: 'arn:aws:iam::111122223333:role/ci arn:aws:iam::111122223333:role/backup' },
    ] });
    s3.on(GetBucketTaggingCommand, { Bucket: 'logs' }).resolves({ TagSet: [{ Key: 'leakwatch:code', Value: 'false' }] });
    s3.on(GetBucketTaggingCommand, { Bucket: 'untagged' }).rejects(awsError('NoSuchTagSet'));
    s3.on(GetBucketTaggingCommand, { Bucket: 'locked' }).rejects(awsError('AccessDenied'));
    ec2.on(DescribeInstancesCommand).resolves({ Reservations: [{ Instances: [{ InstanceId: 'i-0123456789abcdef0', State: { Name: 'running' }, Tags: [{ Key: 'team', Value: 'scm' }] }] }] });
    ec2.on(DescribeImagesCommand).resolves({ Images: [{ ImageId: 'ami-0123456789abcdef0', Tags: [] }] });
    ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [{ SnapshotId: 'snap-0123456789abcdef0' }] });
    const logs = createMemoryLogger();
    const config = parseConfig({ inventory: { aws: { enabled: true, regions: ['eu-west-1'] } } }, {}, 'test');
    const { codeStores, repositories } = await loadInventory({ config, log: logs.log, sources });
    expect(repositories).toEqual([]);
    expect(codeStores.map((s) => [s.id, s.region, s.owner.email ?? null, s.owner.team ?? null, s.classification, s.writers])).toEqual([
      ['s3:code-backups/src/', 'eu-west-1', 'owner@example.test', null, 'restricted', ['arn:aws:iam::111122223333:role/ci', 'arn:aws:iam::111122223333:role/backup']],
      ['ec2:i-0123456789abcdef0', 'eu-west-1', null, 'scm', 'internal', []],
      ['ec2:ami-0123456789abcdef0', 'eu-west-1', null, null, 'internal', []],
      ['ec2:snap-0123456789abcdef0', 'eu-west-1', null, null, 'internal', []],
    ]);
    expect(ec2.commandCalls(DescribeImagesCommand)[0]!.args[0].input).toMatchObject({ Owners: ['self'], Filters: [{ Name: 'tag:leakwatch:code' }] });
    expect(logs.text()).toContain('Cannot read bucket tags; bucket left out of the inventory');
  });

  it('a region that cannot be listed is an error naming the permissions, not an empty inventory', async () => {
    s3.on(ListBucketsCommand).resolves({ Buckets: [] });
    ec2.on(DescribeInstancesCommand).rejects(awsError('UnauthorizedOperation'));
    const config = parseConfig({ inventory: { aws: { enabled: true } } }, {}, 'test');
    await expect(loadInventory({ config, log: createMemoryLogger().log, sources })).rejects.toThrow(/ec2:DescribeInstances/);
  });
});
