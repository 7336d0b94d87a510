/**
 * Code kept outside git hosting: an S3 location (bucket, optional prefix) holding code archives
 * or source, or an EC2 code store (a self-hosted git server's instance, or an AMI / EBS snapshot
 * of one). The inventory resolves them with owner and classification like repositories; the
 * indicators and containment providers act on them.
 */
import type { Classification } from '../config/config-types.js';
import type { RepositoryOwner } from './repository.js';

export type CodeStoreLocation =
  | { kind: 's3'; bucket: string; prefix?: string }
  | { kind: 'ec2'; resourceId: string };

export type Ec2ResourceType = 'instance' | 'image' | 'snapshot';

export interface CodeStore {
  /** `s3:bucket` or `s3:bucket/prefix`, `ec2:i-…`, `ec2:ami-…`, `ec2:snap-…`. */
  id: string;
  name: string;
  location: CodeStoreLocation;
  /** Id of the source that found it (`static-file`, `aws-tags`). */
  source: string;
  region?: string;
  owner: RepositoryOwner;
  escalationContacts: string[];
  snsTopicArn?: string;
  classification: Classification;
  tags: Record<string, string>;
  /** Principals (ARN patterns, `*` wildcard) expected to write objects; others are unrecognised. */
  writers: string[];
  ownerMissing: boolean;
}

export function codeStoreId(location: CodeStoreLocation): string {
  if (location.kind === 'ec2') return `ec2:${location.resourceId}`;
  return location.prefix === undefined || location.prefix === '' ? `s3:${location.bucket}` : `s3:${location.bucket}/${location.prefix}`;
}

/** What an EC2 resource id names, from its prefix; undefined for anything else. */
export function ec2ResourceType(resourceId: string): Ec2ResourceType | undefined {
  if (/^i-[0-9a-f]{8,17}$/.test(resourceId)) return 'instance';
  if (/^ami-[0-9a-f]{8,17}$/.test(resourceId)) return 'image';
  if (/^snap-[0-9a-f]{8,17}$/.test(resourceId)) return 'snapshot';
  return undefined;
}

/** The code store a bucket (and optionally an object key) belongs to: the longest matching prefix. */
export function storeForObject(stores: readonly CodeStore[], bucket: string, key?: string): CodeStore | undefined {
  let best: CodeStore | undefined;
  for (const store of stores) {
    if (store.location.kind !== 's3' || store.location.bucket !== bucket) continue;
    const prefix = store.location.prefix ?? '';
    if (key !== undefined && !key.startsWith(prefix)) continue;
    if (best === undefined || prefix.length > ((best.location as { prefix?: string }).prefix ?? '').length) best = store;
  }
  return best;
}

export function storeForResource(stores: readonly CodeStore[], resourceId: string): CodeStore | undefined {
  return stores.find((s) => s.location.kind === 'ec2' && s.location.resourceId === resourceId);
}
