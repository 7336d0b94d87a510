/**
 * EC2 code stores carrying the code tag in one region: instances (a self-hosted git server),
 * and AMIs and EBS snapshots this account owns (images of one). Each list is filtered by the tag
 * on the server side and paged with NextToken.
 */
import { DescribeImagesCommand, DescribeInstancesCommand, DescribeSnapshotsCommand } from '@aws-sdk/client-ec2';
import type { DescribeImagesCommandOutput, DescribeSnapshotsCommandOutput, EC2Client, Tag } from '@aws-sdk/client-ec2';

export interface TaggedResource {
  resourceId: string;
  tags: Record<string, string>;
}

function tagMap(tags: Tag[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).flatMap((t) => (t.Key === undefined ? [] : [[t.Key, t.Value ?? '']])));
}

export async function listTaggedEc2(ec2: EC2Client, codeTag: string): Promise<TaggedResource[]> {
  const Filters = [{ Name: `tag:${codeTag}`, Values: ['true', 'True', 'TRUE'] }];
  const found: TaggedResource[] = [];
  let token: string | undefined;
  do {
    const page = await ec2.send(new DescribeInstancesCommand({ Filters, NextToken: token, MaxResults: 1000 }));
    for (const instance of (page.Reservations ?? []).flatMap((r) => r.Instances ?? [])) {
      if (instance.InstanceId !== undefined && instance.State?.Name !== 'terminated') found.push({ resourceId: instance.InstanceId, tags: tagMap(instance.Tags) });
    }
    token = page.NextToken;
  } while (token !== undefined);
  do {
    const page: DescribeImagesCommandOutput = await ec2.send(new DescribeImagesCommand({ Owners: ['self'], Filters, NextToken: token, MaxResults: 1000 }));
    for (const image of page.Images ?? []) if (image.ImageId !== undefined) found.push({ resourceId: image.ImageId, tags: tagMap(image.Tags) });
    token = page.NextToken;
  } while (token !== undefined);
  do {
    const page: DescribeSnapshotsCommandOutput = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters, NextToken: token, MaxResults: 1000 }));
    for (const snapshot of page.Snapshots ?? []) if (snapshot.SnapshotId !== undefined) found.push({ resourceId: snapshot.SnapshotId, tags: tagMap(snapshot.Tags) });
    token = page.NextToken;
  } while (token !== undefined);
  return found;
}
