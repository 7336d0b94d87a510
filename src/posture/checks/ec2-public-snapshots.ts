/** extra72: none of the account's EBS snapshots is public. */
import { describePublicSnapshots } from '../aws/ec2.js';
import { fail, pass } from '../outcome.js';
import type { PostureCheck } from '../types.js';

export const ec2PublicSnapshots: PostureCheck = {
  id: 'ec2-public-snapshots',
  title: 'No EBS snapshot of the account is public',
  severity: 'critical',
  reference: 'extra72',
  scope: 'region',
  remediation:
    'Make the snapshot private: `aws ec2 modify-snapshot-attribute --snapshot-id SNAPSHOT --attribute createVolumePermission --operation-type remove --group-names all`; and turn on `aws ec2 enable-snapshot-block-public-access --state block-all-sharing`.',
  async run({ clients }, region) {
    const snapshots = await describePublicSnapshots(clients.ec2(region));
    if (snapshots.length === 0) return [pass(region, 'No public EBS snapshots.')];
    return snapshots.map((s) => fail(s.SnapshotId ?? '', `Snapshot ${s.SnapshotId} (volume ${s.VolumeId ?? 'unknown'}) can be copied by anyone.`));
  },
};
