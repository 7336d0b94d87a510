/**
 * A code-store response fixture: an S3 code bucket and a public AMI in the inventory, an engine
 * over a real SQLite incident store, and S3 / S3 Control / EC2 / STS clients for
 * aws-sdk-client-mock to stub. Indicators are built as the parsers build them.
 */
import { join } from 'node:path';
import { EC2Client } from '@aws-sdk/client-ec2';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { STSClient } from '@aws-sdk/client-sts';
import { parseConfig } from '../../../src/config/load-config.js';
import { loadRules } from '../../../src/detect/load-rules.js';
import type { CodeStore } from '../../../src/domain/code-store.js';
import type { Indicator } from '../../../src/domain/indicator.js';
import type { EngineDeps } from '../../../src/respond/engine-deps.js';
import { SqliteIncidentStore } from '../../../src/store/sqlite/sqlite-incident-store.js';
import { tempDir } from '../../helpers/git-repo.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';

export const BUCKET = 'payments-code-backups';
export const IMAGE = 'ami-0123456789abcdef0';
export const WRITER = 'arn:aws:iam::111122223333:role/backup-writer';

export const bucketStore: CodeStore = {
  id: `s3:${BUCKET}`,
  name: `s3:${BUCKET}`,
  location: { kind: 's3', bucket: BUCKET },
  source: 'static-file',
  region: 'eu-west-1',
  owner: { email: 'owner@example.test', team: 'payments' },
  escalationContacts: [],
  classification: 'confidential',
  tags: {},
  writers: [WRITER],
  ownerMissing: false,
};

export const imageStore: CodeStore = { ...bucketStore, id: `ec2:${IMAGE}`, name: `ec2:${IMAGE}`, location: { kind: 'ec2', resourceId: IMAGE }, writers: [] };

export function indicator(over: Partial<Indicator> = {}): Indicator {
  return {
    id: 'event-1',
    source: 'cloudtrail',
    type: 'PutBucketPolicy',
    title: `PutBucketPolicy on ${BUCKET}`,
    effect: 'made-public',
    time: '2026-12-01T10:00:00Z',
    region: 'eu-west-1',
    principalArn: 'arn:aws:iam::111122223333:user/mallory',
    sourceIp: '203.0.113.9',
    fromPublicIp: true,
    buckets: [BUCKET],
    resourceIds: [],
    url: 'https://console.example/event-1',
    ...over,
  };
}

let ruleset: ReturnType<typeof loadRules> | undefined;

export function makeEngine(response: Record<string, unknown> = {}, dbFile = join(tempDir(), 'state.db')): { deps: EngineDeps; store: SqliteIncidentStore; dbFile: string; logs: ReturnType<typeof createMemoryLogger> } {
  ruleset ??= loadRules();
  const logs = createMemoryLogger();
  const store = new SqliteIncidentStore(dbFile);
  const config = parseConfig({ response }, {}, 'test');
  const s3 = new S3Client({ region: 'eu-west-1' });
  const ec2 = new EC2Client({ region: 'eu-west-1' });
  const deps: EngineDeps = {
    store,
    config,
    ruleset,
    clients: { s3: () => s3, ec2: () => ec2, s3control: new S3ControlClient({ region: 'eu-west-1' }), sts: new STSClient({ region: 'eu-west-1' }) },
    notifierDeps: {},
    emailChannels: [],
    recoverSecret: () => Promise.resolve(undefined),
    branchesContaining: () => Promise.resolve([]),
    log: logs.log,
    now: () => new Date('2026-12-01T10:05:00Z'),
  };
  return { deps, store, dbFile, logs };
}
