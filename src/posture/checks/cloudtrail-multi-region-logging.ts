/** check21: a multi-region trail that is logging covers this region. */
import { describeTrails, isTrailLogging } from '../aws/cloudtrail.js';
import { fail, pass } from '../outcome.js';
import type { PostureCheck } from '../types.js';

export const cloudtrailMultiRegionLogging: PostureCheck = {
  id: 'cloudtrail-multi-region-logging',
  title: 'A multi-region CloudTrail trail is logging in every region',
  severity: 'high',
  reference: 'check21',
  scope: 'region',
  remediation:
    'Create a trail with `aws cloudtrail create-trail --is-multi-region-trail` (or turn an existing one multi-region) and start it with `aws cloudtrail start-logging`; without it, who pulled or changed code cannot be investigated.',
  async run({ clients }, region) {
    const client = clients.cloudtrail(region);
    const trails = (await describeTrails(client)).filter((t) => t.IsMultiRegionTrail === true && t.TrailARN !== undefined);
    for (const trail of trails) {
      if (await isTrailLogging(client, trail.TrailARN!)) return [pass(trail.Name ?? trail.TrailARN!, `Multi-region trail ${trail.Name} is logging.`)];
    }
    const detail = trails.length === 0 ? 'No multi-region trail applies to this region.' : `Multi-region trail(s) ${trails.map((t) => t.Name).join(', ')} exist but none is logging.`;
    return [fail(region, detail)];
  },
};
