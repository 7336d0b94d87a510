/**
 * The IAM actions the daemon's own principal needs for the response providers, for the lead
 * to merge into config/iam-policy.json. Verification needs none: it signs with the leaked key.
 * Secrets encrypted with a customer-managed KMS key also need kms:Decrypt on that key.
 */
export const RESPOND_IAM_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  'aws-iam-access-key': [
    'sts:GetCallerIdentity',
    'sts:GetAccessKeyInfo',
    'iam:GetAccessKeyLastUsed',
    // Read before each change, so a rerun after a kill records what is in place instead.
    'iam:ListAttachedUserPolicies',
    'iam:AttachUserPolicy',
    'iam:GetUserPolicy',
    'iam:PutUserPolicy',
    'iam:ListAccessKeys',
    'iam:UpdateAccessKey',
    'iam:CreateAccessKey',
    'iam:DeleteAccessKey',
    // Only with response.aws.createReplacementKey: the replacement and its secret.
    'secretsmanager:DescribeSecret',
    'secretsmanager:CreateSecret',
    'secretsmanager:PutSecretValue',
    'secretsmanager:TagResource',
  ],
  'secrets-manager': [
    'secretsmanager:ListSecrets',
    'secretsmanager:BatchGetSecretValue',
    'secretsmanager:GetSecretValue',
    'secretsmanager:RotateSecret',
    'secretsmanager:DescribeSecret',
  ],
  notifiers: ['ses:SendEmail', 'sns:Publish'],
  forensics: ['cloudtrail:LookupEvents', 'iam:GetAccessKeyLastUsed'],
  verify: ['sts:GetAccessKeyInfo', 'iam:GetAccessKeyLastUsed'],
  /** The `aws-canary-keys` watch source: uses of the canary keys, by access key id. */
  'canary-watch': ['cloudtrail:LookupEvents'],
};

/**
 * What the person running `leakwatch canary create` needs (not the daemon: it never creates
 * users). The deletes only undo a run whose key could not be written or created.
 */
export const CANARY_CREATE_IAM_ACTIONS: readonly string[] = ['iam:CreateUser', 'iam:TagUser', 'iam:CreateAccessKey', 'iam:DeleteAccessKey', 'iam:DeleteUser'];
