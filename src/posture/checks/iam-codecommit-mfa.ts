/** check12: every IAM user who can read or write CodeCommit has an MFA device. */
import { countMfaDevices } from '../aws/iam.js';
import { fail, pass } from '../outcome.js';
import { findGrant } from '../policy-document.js';
import type { PostureCheck } from '../types.js';

const CODECOMMIT = 'arn:aws:codecommit:*';

export const iamCodecommitMfa: PostureCheck = {
  id: 'iam-codecommit-mfa',
  title: 'Every IAM user who can read or write CodeCommit has MFA',
  severity: 'high',
  reference: 'check12',
  scope: 'global',
  remediation:
    "Assign the user an MFA device (`aws iam enable-mfa-device`) and require it for CodeCommit with a policy condition `\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}`; better, move people to federated roles and remove the user's long-term credentials.",
  async run(context) {
    const { users } = await context.authorization();
    const outcomes = [];
    for (const user of users) {
      const grant = findGrant(user.documents, 'codecommit:GitPush', CODECOMMIT) ?? findGrant(user.documents, 'codecommit:GitPull', CODECOMMIT);
      if (grant === undefined) continue;
      const devices = await countMfaDevices(context.clients.iam(), user.name);
      outcomes.push(
        devices > 0
          ? pass(user.name, `User ${user.name} can use CodeCommit (${grant.source}) and has MFA.`)
          : fail(user.name, `User ${user.name} can use CodeCommit (through ${grant.source}) and has no MFA device.`),
      );
    }
    return outcomes.length > 0 ? outcomes : [pass('*', 'No IAM user can read or write CodeCommit.')];
  },
};
