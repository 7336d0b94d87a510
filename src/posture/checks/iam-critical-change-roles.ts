/**
 * Who can make critical changes (the playbook asks): roles allowed to change CodeCommit
 * repositories, S3 public access, or IAM. Roles listed in posture.criticalChangeRoles pass;
 * every other one fails with what it can change. Service-linked roles are AWS's own.
 */
import { fail, pass } from '../outcome.js';
import { findGrant } from '../policy-document.js';
import type { CheckOutcome, PostureCheck } from '../types.js';

const CRITICAL: ReadonlyArray<[string, string, string]> = [
  ['CodeCommit', 'codecommit:DeleteRepository', 'arn:aws:codecommit:*'],
  ['CodeCommit', 'codecommit:UpdateRepositoryName', 'arn:aws:codecommit:*'],
  ['CodeCommit', 'codecommit:DeleteBranch', 'arn:aws:codecommit:*'],
  ['S3 public access', 's3:PutBucketPolicy', 'arn:aws:s3:::*'],
  ['S3 public access', 's3:PutBucketAcl', 'arn:aws:s3:::*'],
  ['S3 public access', 's3:PutBucketPublicAccessBlock', 'arn:aws:s3:::*'],
  ['S3 public access', 's3:PutAccountPublicAccessBlock', '*'],
  ['IAM', 'iam:AttachRolePolicy', 'arn:aws:iam::*'],
  ['IAM', 'iam:PutUserPolicy', 'arn:aws:iam::*'],
  ['IAM', 'iam:CreatePolicyVersion', 'arn:aws:iam::*'],
  ['IAM', 'iam:CreateAccessKey', 'arn:aws:iam::*'],
  ['IAM', 'iam:UpdateAssumeRolePolicy', 'arn:aws:iam::*'],
];

function allowed(patterns: readonly string[], name: string, arn: string): boolean {
  return patterns.some((p) => {
    const re = new RegExp(`^${p.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replaceAll('*', '.*')}$`);
    return re.test(name) || re.test(arn);
  });
}

export const iamCriticalChangeRoles: PostureCheck = {
  id: 'iam-critical-change-roles',
  title: 'Only the expected roles can change CodeCommit, S3 public access or IAM',
  severity: 'medium',
  reference: 'playbook: preparation (who can make critical changes)',
  scope: 'global',
  remediation:
    'Take these permissions away from roles that do not need them; list the roles that should keep them in posture.criticalChangeRoles, and require MFA or an approval step to assume them.',
  async run(context) {
    const { roles } = await context.authorization();
    const expected = context.config.posture.criticalChangeRoles;
    const outcomes: CheckOutcome[] = [];
    for (const role of roles) {
      if (role.path.startsWith('/aws-service-role/')) continue;
      const areas = new Map<string, string>();
      for (const [area, action, resource] of CRITICAL) {
        const grant = findGrant(role.documents, action, resource);
        if (grant !== undefined && !areas.has(area)) areas.set(area, `${action} via ${grant.source}`);
      }
      if (areas.size === 0) continue;
      const what = [...areas].map(([area, how]) => `${area} (${how})`).join('; ');
      outcomes.push(
        allowed(expected, role.name, role.arn)
          ? pass(role.name, `Role ${role.name} can change ${what}, as posture.criticalChangeRoles expects.`)
          : fail(role.name, `Role ${role.name} can change ${what} and is not in posture.criticalChangeRoles.`),
      );
    }
    return outcomes.length > 0 ? outcomes : [pass('*', 'No role can change CodeCommit, S3 public access or IAM.')];
  },
};
