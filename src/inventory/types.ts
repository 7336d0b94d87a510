/**
 * Inventory records: every repository leakwatch watches, who owns it and how sensitive it is.
 * Sources produce partial records; merge-inventory.ts turns them into Repository records.
 */
import type { Logger } from '../logger.js';
import type { Classification, LeakwatchConfig } from '../config/config-types.js';

export type { Classification } from '../config/config-types.js';

export interface RepositoryOwner {
  email?: string;
  team?: string;
}

export interface Repository {
  /** Stable id, e.g. `codecommit:eu-west-1:payments` or `static:demo`. */
  id: string;
  name: string;
  cloneUrl: string;
  /** Id of the source that found the repository (`codecommit`, `static-file`). */
  source: string;
  region?: string;
  arn?: string;
  defaultBranch?: string;
  owner: RepositoryOwner;
  escalationContacts: string[];
  snsTopicArn?: string;
  classification: Classification;
  tags: Record<string, string>;
  /** No owner e-mail from any source: incidents go to `inventory.defaultOwner`. */
  ownerMissing: boolean;
}

/**
 * What a source knows about one repository. Fields left undefined are "unknown", so a later
 * source can fill them without erasing what an earlier one found.
 */
export interface InventoryRecord {
  id: string;
  name: string;
  source: string;
  /** Absent for a static-file entry that only annotates a repository another source lists. */
  cloneUrl?: string;
  region?: string;
  arn?: string;
  defaultBranch?: string;
  owner: RepositoryOwner;
  escalationContacts?: string[];
  snsTopicArn?: string;
  classification?: Classification;
  tags: Record<string, string>;
}

export interface InventorySourceContext {
  config: LeakwatchConfig;
  log: Logger;
  /** Base for relative paths in the config (the working directory). */
  cwd: string;
}

export interface InventorySource {
  readonly id: string;
  /** Merge precedence: a higher value overrides a lower one field by field. */
  readonly precedence: number;
  isEnabled(config: LeakwatchConfig): boolean;
  list(context: InventorySourceContext): Promise<InventoryRecord[]>;
}
