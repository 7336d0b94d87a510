/**
 * The shared, looked-up-once facts the checks read: the account id, the buckets and which of
 * them hold code (the inventory's `s3` code stores, named in posture.codeBuckets, or tagged
 * `<posture.codeBucketTag>=true`, with the owner from the inventory's owner tag key), the IAM
 * authorization details and the inventory.
 */
import type { LeakwatchConfig } from '../config/config-types.js';
import type { CodeStore } from '../domain/code-store.js';
import type { Repository } from '../domain/repository.js';
import { loadInventory } from '../inventory/load-inventory.js';
import type { InventorySource } from '../inventory/types.js';
import type { Logger } from '../logger.js';
import { getBucketTags, listBuckets } from './aws/s3.js';
import { getCallerAccount } from './aws/sts.js';
import { loadAuthorizationDetails } from './iam-authorization.js';
import type { PostureClients } from './posture-clients.js';
import type { CodeBucket, PostureContext } from './types.js';

export interface PostureContextOptions {
  config: LeakwatchConfig;
  clients: PostureClients;
  log: Logger;
  regions: readonly string[];
  cwd?: string;
  sources?: ReadonlyMap<string, InventorySource>;
  now?: () => Date;
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
}

export function createPostureContext(options: PostureContextOptions): PostureContext {
  const { config, clients, log } = options;
  const buckets = once(() => listBuckets(clients.s3()));
  const inventory = once(() => loadInventory({ config, log, cwd: options.cwd, sources: options.sources }));
  const codeBuckets = once(async (): Promise<CodeBucket[]> => {
    const named = new Set(config.posture.codeBuckets);
    // An inventoried s3 code store is a code bucket whatever its tags; its owner is the inventory's.
    const inventoried = new Map<string, string | undefined>();
    for (const store of (await inventory()).codeStores) {
      if (store.location.kind !== 's3' || inventoried.has(store.location.bucket)) continue;
      inventoried.set(store.location.bucket, store.ownerMissing ? undefined : (store.owner.email ?? store.owner.team ?? undefined));
    }
    const ownerKey = config.inventory.codecommit.tagKeys.owner;
    const found: CodeBucket[] = [];
    for (const name of await buckets()) {
      const tags = await getBucketTags(clients.s3(), name);
      const tagged = tags[config.posture.codeBucketTag]?.toLowerCase() === 'true';
      if (!tagged && !named.has(name) && !inventoried.has(name)) continue;
      const owner = inventoried.get(name) ?? tags[ownerKey];
      const via = inventoried.has(name) ? 'inventory' : tagged ? 'tag' : 'config';
      found.push({ name, via, ...(owner === undefined || owner === '' ? {} : { owner }) });
    }
    for (const name of named) {
      if (!found.some((b) => b.name === name)) log.warn({ bucket: name }, 'Code bucket named in posture.codeBuckets is not in the account');
    }
    return found;
  });
  return {
    config,
    clients,
    log,
    regions: options.regions,
    now: options.now ?? (() => new Date()),
    accountId: once(() => getCallerAccount(clients.sts())),
    buckets,
    codeBuckets,
    authorization: once(() => loadAuthorizationDetails(clients.iam())),
    inventory: async (): Promise<readonly Repository[]> => (await inventory()).repositories,
    codeStores: async (): Promise<readonly CodeStore[]> => (await inventory()).codeStores,
  };
}
