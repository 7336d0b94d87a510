/** No IAM user holds a policy granting `codecommit:*` (or `*`) on every resource. */
import { fail, pass } from '../outcome.js';
import { findServiceWildcardGrant } from '../policy-document.js';
import type { PostureCheck } from '../types.js';

export const iamCodecommitFullAccess: PostureCheck = {
  id: 'iam-codecommit-full-access',
  title: 'No IAM user is granted codecommit:* on *',
  severity: 'high',
  reference: 'check122 (codecommit:*)',
  scope: 'global',
  remediation:
    'Replace the grant with the actions the user needs on the repositories they need (e.g. codecommit:GitPull on one repository ARN); deleting or rewriting repositories belongs to a role assumed with MFA.',
  async run(context) {
    const { users } = await context.authorization();
    const outcomes = users.flatMap((user) => {
      const grant = findServiceWildcardGrant(user.documents, 'codecommit');
      return grant === undefined ? [] : [fail(user.name, `User ${user.name} is granted ${grant.statement.Action?.join(', ')} on * by ${grant.source}.`)];
    });
    return outcomes.length > 0 ? outcomes : [pass('*', `None of ${users.length} user(s) is granted codecommit:* on *.`)];
  },
};
