/**
 * An inventoried S3 code store as a repository-like record (`kind: 's3'`), so the daemon scans it
 * on the repositories' schedule and its findings take the repositories' road: recorded with the
 * scan, queued in the outbox, answered by the incident engine with the store's owner. EC2 code
 * stores are not scanned (no object to read), so they have none.
 */
import type { CodeStore } from '../domain/code-store.js';
import type { Repository } from '../domain/repository.js';

export function codeStoreUrl(location: { bucket: string; prefix?: string }): string {
  return location.prefix === undefined || location.prefix === '' ? `s3://${location.bucket}` : `s3://${location.bucket}/${location.prefix}`;
}

export function codeStoreRepository(store: CodeStore): Repository | undefined {
  if (store.location.kind !== 's3') return undefined;
  return {
    id: store.id,
    kind: 's3',
    name: store.name,
    cloneUrl: codeStoreUrl(store.location),
    source: store.source,
    ...(store.region === undefined ? {} : { region: store.region }),
    owner: { ...store.owner },
    escalationContacts: [...store.escalationContacts],
    ...(store.snsTopicArn === undefined ? {} : { snsTopicArn: store.snsTopicArn }),
    classification: store.classification,
    tags: { ...store.tags },
    ownerMissing: store.ownerMissing,
  };
}

export function isCodeStoreRepository(repository: Repository): boolean {
  return repository.kind === 's3';
}
