/** extra713: GuardDuty is enabled in the region (the playbook's detections come from it). */
import { getDetectorStatus, listDetectorIds } from '../aws/guardduty.js';
import { fail, pass } from '../outcome.js';
import type { PostureCheck } from '../types.js';

export const guarddutyEnabled: PostureCheck = {
  id: 'guardduty-enabled',
  title: 'GuardDuty is enabled in every region',
  severity: 'high',
  reference: 'extra713',
  scope: 'region',
  remediation: 'Enable GuardDuty in the region: `aws guardduty create-detector --enable --region REGION` (or from the organisation\'s delegated administrator).',
  async run({ clients }, region) {
    const client = clients.guardduty(region);
    const ids = await listDetectorIds(client);
    for (const id of ids) {
      if ((await getDetectorStatus(client, id)) === 'ENABLED') return [pass(id, `Detector ${id} is enabled.`)];
    }
    return [fail(region, ids.length === 0 ? 'GuardDuty has no detector in this region.' : `GuardDuty detector(s) ${ids.join(', ')} are disabled.`)];
  },
};
