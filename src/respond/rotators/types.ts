/**
 * The Rotator interface: one containment provider per folder beside this file. `plan` says
 * what the `auto` policy would do (for the default `notify` policy's written plan), `contain`
 * does it, `eradicate` runs a follow-up the scheduler calls later (e.g. after a grace period).
 * None of them throw for provider failures: they record them as timeline entries.
 */
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3ControlClient } from '@aws-sdk/client-s3-control';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { STSClient } from '@aws-sdk/client-sts';
import type { Octokit } from '@octokit/rest';
import type { Logger } from '../../logger.js';
import type { ActionResult, FollowUp, Incident, LeakedSecret } from '../../domain/incident.js';
import type { AwsIamAccessKeyOptions } from './aws-iam-access-key/options.js';
import type { SecretsManagerOptions } from './secrets-manager/options.js';

/** Clients acting as the daemon's own principal; never built from a leaked credential. */
export interface RespondClients {
  iam?: IAMClient;
  sts?: STSClient;
  secretsManager?: SecretsManagerClient;
  github?: Octokit;
  /** Per region: code stores live in many regions. */
  s3?: (region: string) => S3Client;
  s3control?: S3ControlClient;
  ec2?: (region: string) => EC2Client;
}

export interface RotatorOptions {
  awsIamAccessKey?: Partial<AwsIamAccessKeyOptions>;
  secretsManager?: Partial<SecretsManagerOptions>;
}

export interface PlanContext {
  incident: Incident;
  options: RotatorOptions;
  now: () => Date;
}

export interface RotatorContext extends PlanContext {
  secret: LeakedSecret;
  clients: RespondClients;
  log: Logger;
  /** Waits between confirmation polls; injected so tests never wait. */
  sleep?: (ms: number) => Promise<void>;
}

export interface EradicateContext {
  followUp: FollowUp;
  clients: RespondClients;
  options: RotatorOptions;
  log: Logger;
  now: () => Date;
}

export interface Rotator {
  readonly id: string;
  readonly title: string;
  plan(ctx: PlanContext): ActionResult;
  contain(ctx: RotatorContext): Promise<ActionResult>;
  eradicate?(ctx: EradicateContext): Promise<ActionResult>;
}
