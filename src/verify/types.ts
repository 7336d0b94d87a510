/**
 * The Verifier interface: an opt-in live check of a found credential, one provider per folder
 * beside this file. A verifier is the only code allowed to use a leaked credential, and only
 * for a read-only identity call.
 */
import type { IAMClient } from '@aws-sdk/client-iam';
import type { STSClient } from '@aws-sdk/client-sts';
import type { Octokit } from '@octokit/rest';
import type { Logger } from '../logger.js';
import type { LeakedSecret } from '../domain/incident.js';

export type VerifyStatus = 'live' | 'invalid' | 'skipped' | 'error';

export interface VerifyResult {
  verifier: string;
  status: VerifyStatus;
  /** One sentence for the incident; never the secret. */
  detail: string;
  checkedAt: Date;
  /** For `error`: whether checking again later may succeed. */
  retryable?: boolean;
  /** Who the credential authenticates as (ARN, account, login, scopes). */
  identity?: Record<string, string>;
}

export interface AwsKeyPair {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface VerifyClients {
  /** The daemon's own STS client, for sts:GetAccessKeyInfo before the leaked key is touched. */
  sts?: STSClient;
  /** The daemon's IAM client: the key's last use is read before the check itself becomes the last use. */
  iam?: IAMClient;
  /** Builds a short-lived STS client signing with the leaked pair. */
  createLeakedStsClient?: (credentials: AwsKeyPair) => STSClient;
  /** Builds an Octokit authenticating with the leaked token. */
  createGitHubClient?: (token: string) => Octokit;
}

export interface VerifyOptions {
  /** AWS accounts whose keys are canaries: using one would fire its alarm, so never verify them. */
  canaryAccounts: string[];
}

export interface VerifyContext {
  secret: LeakedSecret;
  clients: VerifyClients;
  options: VerifyOptions;
  log: Logger;
  now: () => Date;
}

export interface Verifier {
  readonly id: string;
  verify(ctx: VerifyContext): Promise<VerifyResult>;
}
