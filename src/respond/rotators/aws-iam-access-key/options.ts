/**
 * Options of the IAM access key rotator, with safe defaults: no replacement key unless asked,
 * and the old key deleted a week after it was deactivated, so owners can find what broke.
 */
export interface AwsIamAccessKeyOptions {
  /** Create a replacement key and store it in Secrets Manager. */
  createReplacement: boolean;
  /** Secrets Manager name for the replacement; `{user}` is replaced by the IAM user name. */
  replacementSecretName: string;
  /** KMS key that encrypts the replacement secret; undefined: the account's aws/secretsmanager key. */
  kmsKeyId?: string;
  /** Days between deactivation and deletion; null leaves deletion to a person. */
  deleteAfterDays: number | null;
}

export const DEFAULT_IAM_OPTIONS: AwsIamAccessKeyOptions = {
  createReplacement: false,
  replacementSecretName: 'leakwatch/replacement-keys/{user}',
  deleteAfterDays: 7,
};

export function resolveIamOptions(partial: Partial<AwsIamAccessKeyOptions> | undefined): AwsIamAccessKeyOptions {
  return { ...DEFAULT_IAM_OPTIONS, ...partial };
}

export const QUARANTINE_POLICY_NAME = 'AWSCompromisedKeyQuarantineV3';
export const SESSION_DENY_POLICY_NAME = 'leakwatch-deny-sessions-issued-before-exposure-response';

export function quarantinePolicyArn(partition: string): string {
  return `arn:${partition}:iam::aws:policy/${QUARANTINE_POLICY_NAME}`;
}
