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
import type { VerifyResult } from '../domain/verification.js';

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
