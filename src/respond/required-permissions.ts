/**
 * The IAM actions the daemon's own principal needs for the response providers (and the S3
 * code-store scan), all granted in config/iam-policy.json. Verification needs none: it signs with the leaked key.
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
  /** Code-store containment (respond/containment/): each reads before it changes. */
  's3-block-public-access': ['s3:GetBucketPublicAccessBlock', 's3:PutBucketPublicAccessBlock', 'sts:GetCallerIdentity', 's3:GetAccountPublicAccessBlock', 's3:PutAccountPublicAccessBlock'],
  's3-unrecognised-objects': ['s3:GetObject', 's3:DeleteObject', 's3:DeleteObjectVersion'],
  'ec2-public-launch': ['ec2:DescribeImageAttribute', 'ec2:ModifyImageAttribute', 'ec2:DescribeSnapshotAttribute', 'ec2:ModifySnapshotAttribute'],
  /** The indicator sources (GuardDuty, CloudTrail around code stores) and the GitPull lookup of a finding's principal. */
  indicators: ['guardduty:ListDetectors', 'guardduty:ListFindings', 'guardduty:GetFindings', 'cloudtrail:LookupEvents'],
  /** The aws-tags inventory source. */
  'inventory-aws-tags': ['s3:ListAllMyBuckets', 's3:GetBucketTagging', 'ec2:DescribeInstances', 'ec2:DescribeImages', 'ec2:DescribeSnapshots'],
  /** Scanning S3 code stores (scan/s3/): list a bucket's objects and read them. */
  'scan-s3-code-stores': ['s3:ListBucket', 's3:GetObject'],
};

/**
 * SDK commands whose IAM action has another name (as imported in respond/: the S3 Control
 * commands under the aliases the containment code gives them).
 */
export const COMMAND_IAM_ACTIONS: Readonly<Record<string, string>> = {
  GetPublicAccessBlock: 's3:GetBucketPublicAccessBlock',
  PutPublicAccessBlock: 's3:PutBucketPublicAccessBlock',
  GetAccountBlock: 's3:GetAccountPublicAccessBlock',
  PutAccountBlock: 's3:PutAccountPublicAccessBlock',
  HeadObject: 's3:GetObject',
  ListObjectsV2: 's3:ListBucket',
};

/**
 * What the person running `leakwatch canary create` needs (not the daemon: it never creates
 * users). The deletes only undo a run whose key could not be written or created.
 */
export const CANARY_CREATE_IAM_ACTIONS: readonly string[] = ['iam:CreateUser', 'iam:TagUser', 'iam:CreateAccessKey', 'iam:DeleteAccessKey', 'iam:DeleteUser'];
