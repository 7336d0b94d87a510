/**
 * The interface of a code-store containment provider: one folder per provider beside this file,
 * registered in api.ts. Each acts on the code store a `code-exposure` incident names (an S3
 * bucket, an AMI or snapshot), as the daemon's own principal. `plan` writes down what it would
 * do (under `notify` and `approve`); `contain` does it. Both never throw for AWS failures: they
 * return timeline entries. `contain` must be safe to run again after a kill -9 at any point:
 * it reads the current state first and changes only what is not yet as it must be, and it
 * records what it found before it changes it (`record`), so the previous state can be restored.
 */
import type { Logger } from '../../logger.js';
import type { ActionResult, CodeStoreTarget, TimelineEntry } from '../../domain/incident.js';
import type { IncidentRecord } from '../incident-store.js';
import type { RespondClients } from '../rotators/types.js';

export interface CodeStoreContainmentOptions {
  /** Also block public access for the whole account (S3 Control), not only the bucket. */
  blockAccountPublicAccess: boolean;
}

export interface CodeStorePlanContext {
  incident: IncidentRecord;
  target: CodeStoreTarget;
  options: CodeStoreContainmentOptions;
  now: () => Date;
}

export interface CodeStoreContainContext extends CodeStorePlanContext {
  clients: RespondClients;
  log: Logger;
  /** Persists an entry at once (before the change it precedes), so a kill cannot lose it. */
  record(entry: TimelineEntry): void;
}

export interface CodeStoreContainer {
  readonly id: string;
  readonly title: string;
  /** The response policy family: `s3` or `ec2`. */
  readonly family: 's3' | 'ec2';
  /** Whether this provider has something to do for the incident. */
  appliesTo(incident: IncidentRecord): boolean;
  plan(ctx: CodeStorePlanContext): ActionResult;
  contain(ctx: CodeStoreContainContext): Promise<ActionResult>;
}
