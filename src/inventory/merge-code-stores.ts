/**
 * Merges the inventory records that name code outside git (S3 locations, EC2 code stores) into
 * CodeStore records. The rule is the repositories' rule (merge-inventory.ts) with the location
 * as the key: records of the same bucket and prefix, or the same EC2 resource, are one store;
 * they are applied in order of source precedence and a later record wins field by field.
 */
import { codeStoreId } from '../domain/code-store.js';
import type { CodeStore } from '../domain/code-store.js';
import type { Classification, InventoryRecord } from './types.js';

function overlay(base: InventoryRecord, top: InventoryRecord): InventoryRecord {
  return {
    ...base,
    name: top.name,
    region: top.region ?? base.region,
    owner: { email: top.owner.email ?? base.owner.email, team: top.owner.team ?? base.owner.team },
    escalationContacts: top.escalationContacts ?? base.escalationContacts,
    snsTopicArn: top.snsTopicArn ?? base.snsTopicArn,
    classification: top.classification ?? base.classification,
    tags: { ...base.tags, ...top.tags },
    writers: top.writers ?? base.writers,
  };
}

function finish(record: InventoryRecord, defaultClassification: Classification): CodeStore {
  const owner: CodeStore['owner'] = {};
  if (record.owner.email !== undefined) owner.email = record.owner.email;
  if (record.owner.team !== undefined) owner.team = record.owner.team;
  const store: CodeStore = {
    id: codeStoreId(record.location!),
    name: record.name,
    location: record.location!,
    source: record.source,
    owner,
    escalationContacts: record.escalationContacts ?? [],
    classification: record.classification ?? defaultClassification,
    tags: record.tags,
    writers: record.writers ?? [],
    ownerMissing: owner.email === undefined,
  };
  if (record.region !== undefined) store.region = record.region;
  if (record.snsTopicArn !== undefined) store.snsTopicArn = record.snsTopicArn;
  return store;
}

/** `records` must already be in precedence order. */
export function mergeCodeStores(records: readonly InventoryRecord[], defaultClassification: Classification): CodeStore[] {
  const merged = new Map<string, InventoryRecord>();
  for (const record of records) {
    if (record.location === undefined) continue;
    const key = codeStoreId(record.location);
    const earlier = merged.get(key);
    merged.set(key, earlier === undefined ? record : overlay(earlier, record));
  }
  return [...merged.values()].map((record) => finish(record, defaultClassification));
}
