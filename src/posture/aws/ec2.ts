/** The EC2 reads of the posture checks: the account's own images and snapshots anyone may use. */
import { paginateDescribeImages, paginateDescribeSnapshots } from '@aws-sdk/client-ec2';
import type { EC2Client, Image, Snapshot } from '@aws-sdk/client-ec2';

export async function describePublicImages(client: EC2Client): Promise<Image[]> {
  const images: Image[] = [];
  for await (const page of paginateDescribeImages({ client }, { Owners: ['self'], Filters: [{ Name: 'is-public', Values: ['true'] }] })) {
    images.push(...(page.Images ?? []));
  }
  return images;
}

/** Snapshots whose create-volume permission includes the group `all`. */
export async function describePublicSnapshots(client: EC2Client): Promise<Snapshot[]> {
  const snapshots: Snapshot[] = [];
  for await (const page of paginateDescribeSnapshots({ client }, { OwnerIds: ['self'], RestorableByUserIds: ['all'] })) {
    snapshots.push(...(page.Snapshots ?? []));
  }
  return snapshots;
}
