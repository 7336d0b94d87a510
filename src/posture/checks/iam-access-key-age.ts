/** check13 / check14: no active access key is unused or older than the configured thresholds. */
import { getAccessKeyLastUsedDate, listAccessKeys } from '../aws/iam.js';
import { fail, pass } from '../outcome.js';
import type { CheckOutcome, PostureCheck } from '../types.js';

const DAY_MS = 86_400_000;

export const iamAccessKeyAge: PostureCheck = {
  id: 'iam-access-key-age',
  title: 'No active access key is unused or older than the threshold',
  severity: 'medium',
  reference: 'check13, check14',
  scope: 'global',
  remediation:
    'Deactivate and delete unused keys (`aws iam update-access-key --status Inactive`, then `aws iam delete-access-key`); rotate old ones (create a new key, switch, delete the old one). Thresholds: posture.accessKeyMaxAgeDays, posture.accessKeyUnusedDays.',
  async run(context) {
    const { users } = await context.authorization();
    const iam = context.clients.iam();
    const now = context.now().getTime();
    const { accessKeyMaxAgeDays: maxAge, accessKeyUnusedDays: maxIdle } = context.config.posture;
    const outcomes: CheckOutcome[] = [];
    for (const user of users) {
      for (const key of await listAccessKeys(iam, user.name)) {
        if (key.Status !== 'Active' || key.AccessKeyId === undefined) continue;
        const id = key.AccessKeyId;
        const resource = `${user.name}/${id}`;
        const age = key.CreateDate === undefined ? 0 : Math.floor((now - key.CreateDate.getTime()) / DAY_MS);
        const lastUsed = await getAccessKeyLastUsedDate(iam, id);
        const idle = lastUsed === undefined ? age : Math.floor((now - lastUsed.getTime()) / DAY_MS);
        const problems: string[] = [];
        if (age > maxAge) problems.push(`is ${age} days old (limit ${maxAge})`);
        if (idle > maxIdle) problems.push(lastUsed === undefined ? `was never used in ${age} days` : `was last used ${idle} days ago (limit ${maxIdle})`);
        outcomes.push(problems.length > 0 ? fail(resource, `Access key ${id} of ${user.name} ${problems.join(' and ')}.`) : pass(resource, `Access key ${id} of ${user.name} is ${age} days old and in use.`));
      }
    }
    return outcomes.length > 0 ? outcomes : [pass('*', 'No active access keys.')];
  },
};
