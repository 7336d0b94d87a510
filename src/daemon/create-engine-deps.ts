/**
 * Builds the engine's dependencies from the configuration, for the daemon: AWS clients of the
 * daemon's own principal (default credential chain, `response.awsRegion`), the e-mail channel,
 * SNS and CloudTrail only when enabled. Clients connect lazily, so under the default `notify`
 * policy with no channel configured nothing here touches the network.
 */
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { STSClient } from '@aws-sdk/client-sts';
import { createTransport } from 'nodemailer';
import type { LeakwatchConfig } from '../config/config-types.js';
import type { Ruleset } from '../detect/types.js';
import { LeakwatchError } from '../errors.js';
import { branchesContaining } from '../git/list-branches.js';
import { createOctokit } from '../github/create-octokit.js';
import { createVerificationService } from '../verify/verify-secret.js';
import type { Logger } from '../logger.js';
import type { EngineDeps } from '../respond/engine-deps.js';
import type { IncidentStore } from '../respond/incident-store.js';
import type { NotifierDeps } from '../respond/notifiers/types.js';
import type { RotatorOptions } from '../respond/rotators/types.js';
import { createS3ObjectSource } from '../aws/s3/create-s3-object-source.js';
import { recoverSecret } from '../scan/recover-secret.js';
import { recoverS3Secret } from '../scan/s3/recover-s3-secret.js';

export interface CreateEngineDepsOptions {
  config: LeakwatchConfig;
  store: IncidentStore;
  ruleset: Ruleset;
  log: Logger;
  gitDirFor?: (repository: string) => string | undefined;
  now?: () => Date;
}

function notifierDeps(config: LeakwatchConfig): { deps: NotifierDeps; emailChannels: string[] } {
  const r = config.response;
  const region = r.awsRegion;
  const deps: NotifierDeps = {};
  const emailChannels: string[] = [];
  if (r.email.channel !== 'none') {
    if (r.email.from === undefined) {
      throw new LeakwatchError('config', `response.email.channel is ${r.email.channel} but response.email.from is not set; set the sender address.`);
    }
    if (r.email.channel === 'smtp') {
      if (r.email.smtpUrl === undefined) {
        throw new LeakwatchError('config', 'response.email.channel is smtp but response.email.smtpUrl is not set; set LEAKWATCH_RESPONSE_EMAIL_SMTP_URL.');
      }
      deps.smtp = { transport: createTransport(r.email.smtpUrl), from: r.email.from };
    } else {
      deps.ses = { client: new SESv2Client({ region }), from: r.email.from };
    }
    emailChannels.push(r.email.channel);
  }
  if (r.sns.enabled) {
    deps.sns = { client: new SNSClient({ region }), ...(r.sns.defaultTopicArn === undefined ? {} : { defaultTopicArn: r.sns.defaultTopicArn }) };
  }
  return { deps, emailChannels };
}

/** The rotators' options from the configuration (`response.aws.*`). */
export function rotatorOptionsOf(config: LeakwatchConfig): RotatorOptions {
  const aws = config.response.aws;
  return {
    awsIamAccessKey: {
      createReplacement: aws.createReplacementKey,
      replacementSecretName: aws.replacementSecretName,
      ...(aws.replacementKmsKeyId === undefined ? {} : { kmsKeyId: aws.replacementKmsKeyId }),
    },
  };
}

/** One client per region, made on first use. */
function perRegion<T>(make: (region: string) => T): (region: string) => T {
  const made = new Map<string, T>();
  return (region) => {
    let client = made.get(region);
    if (client === undefined) made.set(region, (client = make(region)));
    return client;
  };
}

export function createEngineDeps(options: CreateEngineDepsOptions): EngineDeps {
  const { config } = options;
  const region = config.response.awsRegion;
  const { deps, emailChannels } = notifierDeps(config);
  const s3 = perRegion((r) => new S3Client({ region: r, followRegionRedirects: true }));
  const clients: EngineDeps['clients'] = {
    iam: new IAMClient({ region }),
    sts: new STSClient({ region }),
    secretsManager: new SecretsManagerClient({ region }),
    github: createOctokit({ log: options.log }),
    s3,
    s3control: new S3ControlClient({ region }),
    ec2: perRegion((r) => new EC2Client({ region: r })),
  };
  if (config.response.forensics.enabled) clients.cloudtrail = new CloudTrailClient({ region });
  return {
    store: options.store,
    config,
    ruleset: options.ruleset,
    clients,
    notifierDeps: deps,
    emailChannels,
    knownPrincipals: config.response.forensics.knownPrincipals,
    rotatorOptions: rotatorOptionsOf(config),
    ...(options.gitDirFor === undefined ? {} : { gitDirFor: options.gitDirFor }),
    ...(config.response.verify
      ? {
          verify: createVerificationService({
            clients: {
              sts: clients.sts,
              iam: clients.iam,
              createGitHubClient: (token: string) => createOctokit({ log: options.log, auth: token }),
            },
            options: { canaryAccounts: config.response.canaryAccounts },
            log: options.log,
          }),
        }
      : {}),
    recoverSecret,
    // Through the response region's client, which follows the bucket's region; the client stays the engine's.
    recoverS3Secret: (path, hashes, ruleset) => recoverS3Secret(createS3ObjectSource(s3(region)), path, hashes, ruleset, { maxBytes: config.scan.maxBlobBytes }),
    branchesContaining,
    log: options.log,
    now: options.now ?? (() => new Date()),
  };
}
