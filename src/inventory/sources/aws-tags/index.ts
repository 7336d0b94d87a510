/**
 * Inventory source: code outside git that carries the code tag (`inventory.aws.codeTag`, value
 * `true`): S3 buckets (optionally narrowed to `<codeTag>-prefix`), and EC2 instances, AMIs and
 * EBS snapshots in `inventory.aws.regions`. Owner, team, contacts, SNS topic and classification
 * come from the same tags as CodeCommit's (`inventory.codecommit.tagKeys`); `<codeTag>-writers`
 * lists the principals expected to write objects. Uses the default AWS credential chain.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { S3Client } from '@aws-sdk/client-s3';
import { codeStoreId } from '../../../domain/code-store.js';
import type { CodeStoreLocation } from '../../../domain/code-store.js';
import { LeakwatchError } from '../../../errors.js';
import type { InventoryRecord, InventorySource, InventorySourceContext } from '../../types.js';
import { tagsToRecord } from '../codecommit/tags-to-record.js';
import { listTaggedBuckets } from './list-tagged-buckets.js';
import { listTaggedEc2 } from './list-tagged-ec2.js';

export interface AwsTagsClients {
  s3: (region: string) => S3Client;
  ec2: (region: string) => EC2Client;
}

const SOURCE = 'aws-tags';

function record(context: InventorySourceContext, location: CodeStoreLocation, tags: Record<string, string>, region: string | undefined): InventoryRecord {
  const codeTag = context.config.inventory.aws.codeTag;
  const id = codeStoreId(location);
  const writers = (tags[`${codeTag}-writers`] ?? '').split(/\s+/).filter((w) => w !== '');
  return {
    id: `${SOURCE}:${id}`,
    name: id,
    source: SOURCE,
    location,
    tags,
    ...(region === undefined ? {} : { region }),
    ...(writers.length === 0 ? {} : { writers }),
    ...tagsToRecord(tags, context.config.inventory.codecommit.tagKeys, context.log, id),
  };
}

function awsFailure(what: string, err: unknown, permissions: string): LeakwatchError {
  return new LeakwatchError('aws', `Cannot list ${what}: ${(err as Error).message}. Check the credentials and the ${permissions} permissions.`, { cause: err });
}

export function createAwsTagsSource(
  clients: AwsTagsClients = {
    s3: (region) => new S3Client({ region, followRegionRedirects: true }),
    ec2: (region) => new EC2Client({ region }),
  },
): InventorySource {
  return {
    id: SOURCE,
    precedence: 20,
    isEnabled: (config) => config.inventory.aws.enabled,
    async list(context) {
      const { config, log } = context;
      const codeTag = config.inventory.aws.codeTag;
      const regions = config.inventory.aws.regions;
      const records: InventoryRecord[] = [];
      const s3 = clients.s3(regions[0] ?? 'us-east-1');
      try {
        const buckets = await listTaggedBuckets(s3, codeTag, (bucket, err) => log.warn({ bucket, err }, 'Cannot read bucket tags; bucket left out of the inventory'));
        for (const bucket of buckets) {
          const prefix = bucket.tags[`${codeTag}-prefix`]?.trim();
          const location: CodeStoreLocation = { kind: 's3', bucket: bucket.name, ...(prefix ? { prefix } : {}) };
          records.push(record(context, location, bucket.tags, bucket.region));
        }
      } catch (err) {
        throw awsFailure('S3 buckets', err, 's3:ListAllMyBuckets and s3:GetBucketTagging');
      } finally {
        s3.destroy();
      }
      for (const region of regions) {
        const ec2 = clients.ec2(region);
        try {
          for (const resource of await listTaggedEc2(ec2, codeTag)) records.push(record(context, { kind: 'ec2', resourceId: resource.resourceId }, resource.tags, region));
        } catch (err) {
          throw awsFailure(`EC2 instances, images and snapshots in ${region}`, err, 'ec2:DescribeInstances, DescribeImages and DescribeSnapshots');
        } finally {
          ec2.destroy();
        }
      }
      return records;
    },
  };
}

export const awsTagsSource = createAwsTagsSource();
