/**
 * Merges what every inventory source found into one Repository per repository.
 *
 * The rule (also in docs/inventory.md):
 * - Records are applied in order of source precedence (CodeCommit 10, static file 100), then in
 *   the order each source listed them.
 * - A record matches an earlier one with the same name, and the same region when both name a
 *   region. A static entry without a region therefore annotates that name in every region.
 * - A matching record overrides field by field: every field it sets wins (owner e-mail and team
 *   separately, escalation contacts, SNS topic, classification, clone URL); fields it leaves
 *   unset keep the earlier value; tags are united, the later value winning per key. So the
 *   static file overrides CodeCommit tags, and a later file entry refines an earlier pattern.
 * - A record matching nothing becomes a repository if it has a clone URL; otherwise (a file
 *   entry annotating a repository no source lists) it is returned as unmatched.
 * - Records naming code outside git (an S3 location, an EC2 code store) become code stores
 *   instead, merged by location (merge-code-stores.ts).
 * - A repository with no owner e-mail after merging is flagged `ownerMissing`; its incidents go
 *   to `inventory.defaultOwner`. Unclassified repositories get `inventory.defaultClassification`.
 */
import type { CodeStore } from '../domain/code-store.js';
import type { Repository } from '../domain/repository.js';
import { mergeCodeStores } from './merge-code-stores.js';
import type { Classification, InventoryRecord } from './types.js';

export interface MergeOptions {
  /** Source id → precedence; unknown sources rank lowest. */
  precedence: ReadonlyMap<string, number>;
  defaultClassification: Classification;
}

export interface MergedInventory {
  repositories: Repository[];
  /** Code outside git: S3 locations and EC2 code stores (merge-code-stores.ts). */
  codeStores: CodeStore[];
  unmatched: InventoryRecord[];
}

function matches(existing: InventoryRecord, record: InventoryRecord): boolean {
  if (existing.name !== record.name) return false;
  return existing.region === undefined || record.region === undefined || existing.region === record.region;
}

function overlay(base: InventoryRecord, top: InventoryRecord): InventoryRecord {
  return {
    ...base,
    cloneUrl: top.cloneUrl ?? base.cloneUrl,
    region: base.region ?? top.region,
    arn: base.arn ?? top.arn,
    defaultBranch: top.defaultBranch ?? base.defaultBranch,
    owner: { email: top.owner.email ?? base.owner.email, team: top.owner.team ?? base.owner.team },
    escalationContacts: top.escalationContacts ?? base.escalationContacts,
    snsTopicArn: top.snsTopicArn ?? base.snsTopicArn,
    classification: top.classification ?? base.classification,
    tags: { ...base.tags, ...top.tags },
  };
}

function finish(record: InventoryRecord & { cloneUrl: string }, defaultClassification: Classification): Repository {
  const owner: Repository['owner'] = {};
  if (record.owner.email !== undefined) owner.email = record.owner.email;
  if (record.owner.team !== undefined) owner.team = record.owner.team;
  const repository: Repository = {
    id: record.id,
    name: record.name,
    cloneUrl: record.cloneUrl,
    source: record.source,
    owner,
    escalationContacts: record.escalationContacts ?? [],
    classification: record.classification ?? defaultClassification,
    tags: record.tags,
    ownerMissing: owner.email === undefined,
  };
  if (record.region !== undefined) repository.region = record.region;
  if (record.arn !== undefined) repository.arn = record.arn;
  if (record.defaultBranch !== undefined) repository.defaultBranch = record.defaultBranch;
  if (record.snsTopicArn !== undefined) repository.snsTopicArn = record.snsTopicArn;
  return repository;
}

export function mergeInventory(records: readonly InventoryRecord[], options: MergeOptions): MergedInventory {
  const rank = (record: InventoryRecord): number => options.precedence.get(record.source) ?? 0;
  // Array.prototype.sort is stable, so each source's own order is kept.
  const ordered = [...records].sort((a, b) => rank(a) - rank(b));
  const merged: InventoryRecord[] = [];
  const unmatched: InventoryRecord[] = [];
  for (const record of ordered) {
    if (record.location !== undefined) continue;
    let matched = false;
    for (let index = 0; index < merged.length; index++) {
      if (matches(merged[index]!, record)) {
        merged[index] = overlay(merged[index]!, record);
        matched = true;
      }
    }
    if (matched) continue;
    if (record.cloneUrl !== undefined) merged.push(record);
    else unmatched.push(record);
  }
  return {
    repositories: merged.map((record) =>
      finish(record as InventoryRecord & { cloneUrl: string }, options.defaultClassification),
    ),
    codeStores: mergeCodeStores(ordered, options.defaultClassification),
    unmatched,
  };
}
