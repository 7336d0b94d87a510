/**
 * Inventory sources and what they report: partial records that merge-inventory.ts turns into
 * Repository records (domain/repository.ts).
 */
import type { Logger } from '../logger.js';
import type { Classification, LeakwatchConfig } from '../config/config-types.js';
import type { CodeStoreLocation } from '../domain/code-store.js';
import type { RepositoryOwner } from '../domain/repository.js';

export type { Classification } from '../config/config-types.js';

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
  /** Set for code outside git (an S3 location, an EC2 code store): it becomes a CodeStore. */
  location?: CodeStoreLocation;
  /** For a code store: principals (ARN patterns) expected to write to it. */
  writers?: string[];
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
