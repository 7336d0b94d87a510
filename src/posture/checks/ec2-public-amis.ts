/** extra76: none of the account's AMIs is public (an image of a build or code host carries its code). */
import { describePublicImages } from '../aws/ec2.js';
import { fail, pass } from '../outcome.js';
import type { PostureCheck } from '../types.js';

export const ec2PublicAmis: PostureCheck = {
  id: 'ec2-public-amis',
  title: 'No AMI of the account is public',
  severity: 'critical',
  reference: 'extra76',
  scope: 'region',
  remediation: 'Make the image private: `aws ec2 modify-image-attribute --image-id AMI --launch-permission "Remove=[{Group=all}]"`; treat what the image held as exposed.',
  async run({ clients }, region) {
    const images = await describePublicImages(clients.ec2(region));
    if (images.length === 0) return [pass(region, 'No public AMIs.')];
    return images.map((i) => fail(i.ImageId ?? '', `AMI ${i.ImageId}${i.Name === undefined ? '' : ` (${i.Name})`} can be launched by anyone.`));
  },
};
