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
  /**
   * What the daemon's job reads: a git repository (absent: git), or an inventoried S3 code store
   * (`cloneUrl` is then `s3://bucket[/prefix]`, scanned object by object; see
   * inventory/code-store-repository.ts). Findings and incidents treat both alike.
   */
  kind?: 'git' | 's3';
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
