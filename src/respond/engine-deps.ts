/**
 * What the incident engine is given: the store, the configuration, the ruleset, and the clients
 * and delivery channels acting as the daemon's own principal. Everything is injected so the
 * daemon, the CLI and the tests drive the same code.
 */
import type { VerifySecret } from '../domain/verification.js';
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { LeakwatchConfig } from '../config/config-types.js';
import type { Ruleset } from '../detect/types.js';
import type { Logger } from '../logger.js';
import type { LeakedSecret } from '../domain/incident.js';
import type { IncidentStore, StoredLocation } from './incident-store.js';
import type { NotifierDeps } from './notifiers/types.js';
import type { RespondClients, RotatorOptions } from './rotators/types.js';
import type { HeldLease } from './with-incident-lease.js';

export interface EngineDeps {
  store: IncidentStore;
  config: LeakwatchConfig;
  ruleset: Ruleset;
  clients: RespondClients & { cloudtrail?: CloudTrailClient };
  /** Configured delivery channels for the notifiers. */
  notifierDeps: NotifierDeps;
  /** E-mail channel ids to use (`smtp`, `ses`); SNS is used whenever `notifierDeps.sns` is set. */
  emailChannels: string[];
  rotatorOptions?: RotatorOptions;
  /** Principals whose CodeCommit access is expected (the daemon, CI roles); others are flagged. */
  knownPrincipals?: string[];
  /** The git directory of a repository (its mirror), to re-read a secret when acting later. */
  gitDirFor?: (repository: string) => string | undefined;
  /**
   * Reads a secret again from a repository's git directory (scan/recover-secret.ts) and lists the
   * branches holding a commit (git/list-branches.ts): injected, so respond/ runs no git itself.
   */
  recoverSecret: (gitDir: string, location: Pick<StoredLocation, 'commit' | 'path' | 'blob'>, hashes: readonly string[], ruleset: Ruleset) => Promise<LeakedSecret | undefined>;
  branchesContaining: (gitDir: string, commit: string) => Promise<string[]>;
  /**
   * Reads a secret again from an S3 code store (`s3://bucket/key[!member]` locations;
   * scan/s3/recover-s3-secret.ts over the daemon's S3 client), injected like `recoverSecret`.
   */
  recoverS3Secret?: (path: string, hashes: readonly string[], ruleset: Ruleset) => Promise<LeakedSecret | undefined>;
  log: Logger;
  now: () => Date;
  /** Opt-in live checks of leaked credentials (`response.verify`); absent: never verified. */
  verify?: VerifySecret;
  /** Set by withIncidentLease for the call holding an incident's lease. */
  lease?: HeldLease;
  /** Injected so tests never wait. */
  sleep?: (ms: number) => Promise<void>;
}
