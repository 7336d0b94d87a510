/**
 * The posture check interface: one read-only readiness or prevention check per file in
 * checks/, registered in api.ts. A check answers for one region (or the account) with one
 * outcome per resource it looked at; the runner turns outcomes into results and any error it
 * throws into an `error` result, so a check that could not run never reads as a pass.
 */
import type { LeakwatchConfig } from '../config/config-types.js';
import type { CodeStore } from '../domain/code-store.js';
import type { Repository } from '../domain/repository.js';
import type { Logger } from '../logger.js';
import type { AuthorizationDetails } from './iam-authorization.js';
import type { PostureClients } from './posture-clients.js';

export type PostureStatus = 'pass' | 'fail' | 'error' | 'skipped';
export type PostureSeverity = 'critical' | 'high' | 'medium' | 'low';

/** One line of the report: a check's verdict on one resource in one region. */
export interface PostureResult {
  id: string;
  title: string;
  status: PostureStatus;
  severity: PostureSeverity;
  /** The region looked at, or `global` for account-wide and IAM checks. */
  region: string;
  resource: string;
  detail: string;
  /** What to do about a failure (empty for a pass). */
  remediation: string;
  /** The Prowler check this corresponds to, or the playbook step. */
  reference: string;
}

export interface CheckOutcome {
  status: PostureStatus;
  resource: string;
  detail: string;
}

/** A bucket that holds code: named in posture.codeBuckets or tagged as code. */
export interface CodeBucket {
  name: string;
  owner?: string;
  /** How it was recognised: `config` (posture.codeBuckets), `tag` or `inventory` (an `s3` code store). */
  via: 'config' | 'tag' | 'inventory';
}

export interface PostureContext {
  config: LeakwatchConfig;
  clients: PostureClients;
  log: Logger;
  now: () => Date;
  /** The regions to check (`--region`, else posture.regions). */
  regions: readonly string[];
  /** The account the credentials belong to (sts:GetCallerIdentity), looked up once. */
  accountId(): Promise<string>;
  /** Every bucket of the account with its tags, looked up once. */
  buckets(): Promise<readonly string[]>;
  codeBuckets(): Promise<readonly CodeBucket[]>;
  /** The IAM users, groups, roles and policies, looked up once. */
  authorization(): Promise<AuthorizationDetails>;
  inventory(): Promise<readonly Repository[]>;
  /** The inventory's code stores outside git (`s3` buckets, `ec2` resources), looked up once. */
  codeStores(): Promise<readonly CodeStore[]>;
}

export interface PostureCheck {
  /** Stable id used by `--check`, the JSON report and the metric label. */
  readonly id: string;
  readonly title: string;
  readonly severity: PostureSeverity;
  readonly reference: string;
  readonly remediation: string;
  /** `region`: run once per region; `global`: once for the account. */
  readonly scope: 'region' | 'global';
  run(context: PostureContext, region: string): Promise<CheckOutcome[]>;
}
