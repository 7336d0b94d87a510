/**
 * A repository leakwatch watches, as the inventory resolved it: where it is, who owns it and how
 * sensitive it is. Sources produce partial records (inventory/types.ts); merge-inventory.ts turns
 * them into these.
 */
import type { Classification } from '../config/config-types.js';

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
