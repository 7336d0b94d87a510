/**
 * A fake account for the posture checks: everything in order except what `flaws` names, and the
 * environment a CLI or daemon process needs to reach it through AWS_ENDPOINT_URL.
 */
import { fileURLToPath } from 'node:url';
import type { FakeAws } from '../fake-aws.js';
import { ALL_USERS, makeFakeBucket } from './fake-bucket.js';
import { makeFakeTrail } from './fake-cloudtrail.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../fake-credentials.js';

export const CODE_BUCKET = 'acme-code-backups';
export const TRAIL = 'org-trail';
export const WRITER = 'writer';
export const PUBLIC_AMI = 'ami-0a1b2c3d4e5f60718';
export const TOPIC = 'arn:aws:sns:us-east-1:111122223333:leakwatch-codecommit';
export const POWER_USER = 'arn:aws:iam::aws:policy/AWSCodeCommitPowerUser';

const allow = (Action: string[], Resource: string): string => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action, Resource }] });

export interface PostureFlaws {
  publicCodeBucket: boolean;
  trailWithoutValidation: boolean;
  writerWithoutMfa: boolean;
  publicAmi: boolean;
}

/** Fills the fake account; the users `writer`, `reader` and `ops` must exist in it. */
export function setUpPostureAccount(fake: FakeAws, flaws: PostureFlaws): void {
  const s = fake.state;
  s.accountPublicAccessBlock = flaws.publicCodeBucket ? undefined : { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
  s.buckets.set(CODE_BUCKET, makeFakeBucket(CODE_BUCKET, {
    tags: { 'leakwatch:code': 'true', owner: 'platform@acme.example' },
    grants: flaws.publicCodeBucket ? [{ grantee: ALL_USERS, permission: 'READ' }] : [],
    versioning: 'Enabled',
  }));
  s.buckets.set('acme-trail-logs', makeFakeBucket('acme-trail-logs', { loggingTarget: 'acme-access-logs', policyIsPublic: false }));
  s.buckets.set('acme-access-logs', makeFakeBucket('acme-access-logs'));
  s.trails.push(makeFakeTrail(TRAIL, { bucket: 'acme-trail-logs', logFileValidation: !flaws.trailWithoutValidation }));
  s.images.push({ id: PUBLIC_AMI, name: 'build-host', region: 'us-east-1', public: flaws.publicAmi }, { id: 'ami-00000000000000001', name: 'base', region: 'us-east-1', public: false });
  s.snapshots.push({ id: 'snap-0000000000000001', volumeId: 'vol-1', region: 'us-east-1', public: false });
  s.managedPolicies.set(POWER_USER, allow(['codecommit:GitPull', 'codecommit:GitPush', 'codecommit:Get*', 'codecommit:List*'], '*'));
  fake.users.get(WRITER)!.attachedPolicies.push(POWER_USER);
  if (!flaws.writerWithoutMfa) s.mfaUsers.add(WRITER);
  s.groups.set('readers', { inline: { pull: allow(['codecommit:GitPull'], `arn:aws:codecommit:us-east-1:${fake.account}:*`) }, attached: [], members: ['reader'] });
  s.mfaUsers.add('reader');
  fake.users.get('ops')!.inlineDocuments.set('read-logs', allow(['s3:GetObject'], 'arn:aws:s3:::acme-access-logs/*'));
  s.roles.set('AWSServiceRoleForSupport', { inline: { all: allow(['*'], '*') }, attached: [], path: '/aws-service-role/support.amazonaws.com/' });
  s.guardduty.set('us-east-1', 'ENABLED');
  s.macie.add('us-east-1');
  s.accessAnalyzer.set('us-east-1', []);
  s.codebuild.push({ name: 'build', region: 'us-east-1', env: [{ name: 'STAGE', value: 'prod', type: 'PLAINTEXT' }] });
  s.rules.push({ name: 'codecommit-to-leakwatch', region: 'us-east-1', pattern: JSON.stringify({ source: ['aws.codecommit'] }), enabled: true, targets: [TOPIC] });
  s.ecr.push({ name: 'app', region: 'us-east-1', policy: undefined });
}

export const POSTURE_USERS = (): Record<string, string[]> => ({ writer: [fakeAccessKeyId()], reader: [], ops: [fakeAccessKeyId()] });

/** What a process under test needs to reach the fake with the real SDK and nothing else. */
export function fakeAwsEnv(fake: FakeAws): NodeJS.ProcessEnv {
  const preload = fileURLToPath(new URL('./resolve-localhost.mjs', import.meta.url));
  return {
    AWS_ENDPOINT_URL: fake.url.replace('127.0.0.1', 'localhost'),
    AWS_ACCESS_KEY_ID: fakeAccessKeyId(),
    AWS_SECRET_ACCESS_KEY: fakeSecretAccessKey(),
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    NODE_OPTIONS: `--import ${preload} --no-warnings`,
  };
}
