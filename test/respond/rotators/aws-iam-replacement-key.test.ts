import {
  CreateAccessKeyCommand,
  DeleteAccessKeyCommand,
  GetAccessKeyLastUsedCommand,
  IAMClient,
  ListAccessKeysCommand,
} from '@aws-sdk/client-iam';
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
  TagResourceCommand,
} from '@aws-sdk/client-secrets-manager';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsIamAccessKeyRotator } from '../../../src/respond/rotators/aws-iam-access-key/index.js';
import type { RotatorContext } from '../../../src/respond/rotators/types.js';
import type { ActionResult, LeakedSecret } from '../../../src/domain/incident.js';
import { awsError, callSequence, sentInputs } from '../../helpers/aws-calls.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../../helpers/fake-credentials.js';
import { makeIncident } from '../../helpers/make-incident.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';

const OWN = '111122223333';
const NOW = new Date('2026-11-28T12:00:00.000Z');
const ARN = `arn:aws:secretsmanager:us-east-1:${OWN}:secret:leakwatch/replacement-keys/alice-AbCdEf`;
const iamMock = mockClient(IAMClient);
const stsMock = mockClient(STSClient);
const smMock = mockClient(SecretsManagerClient);

let keyId: string;
let secret: LeakedSecret;
let newId: string;
let newSecret: string;

function context(kmsKeyId?: string): RotatorContext & { logText: () => string } {
  const { log, text } = createMemoryLogger();
  const incident = makeIncident();
  incident.repository.ownerEmail = 'owner@example.test';
  return {
    incident,
    secret,
    clients: { iam: new IAMClient({}), sts: new STSClient({}), secretsManager: new SecretsManagerClient({}) },
    options: { awsIamAccessKey: { createReplacement: true, ...(kmsKeyId === undefined ? {} : { kmsKeyId }) } },
    log,
    now: () => NOW,
    logText: text,
  };
}

function userKeys(...keys: Array<[string, 'Active' | 'Inactive']>): void {
  iamMock.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: keys.map(([AccessKeyId, Status]) => ({ AccessKeyId, Status, UserName: 'alice' })) });
}

function taggedSecret(replaces: string, holds: string): void {
  smMock.on(DescribeSecretCommand).resolves({
    ARN,
    Name: 'leakwatch/replacement-keys/alice',
    Tags: [
      { Key: 'leakwatch:replaces-key', Value: replaces },
      { Key: 'leakwatch:access-key-id', Value: holds },
    ],
    VersionIdsToStages: { v1: ['AWSCURRENT'] },
  });
}

const step = (result: ActionResult) => result.remainingSteps.find((s) => s.startsWith('Fetch the replacement key'));
const replacementEntry = (result: ActionResult) => result.entries.find((e) => e.action === 'iam.create-replacement-key');

beforeEach(() => {
  for (const m of [iamMock, stsMock, smMock]) m.reset();
  keyId = fakeAccessKeyId();
  secret = { value: fakeSecretAccessKey(), relatedValue: keyId };
  newId = fakeAccessKeyId();
  newSecret = fakeSecretAccessKey();
  stsMock.on(GetCallerIdentityCommand).resolves({ Account: OWN, Arn: `arn:aws:sts::${OWN}:assumed-role/leakwatch/daemon` });
  stsMock.on(GetAccessKeyInfoCommand).resolves({ Account: OWN });
  iamMock.on(GetAccessKeyLastUsedCommand).resolves({ UserName: 'alice', AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });
  iamMock.on(CreateAccessKeyCommand).resolves({ AccessKey: { AccessKeyId: newId, SecretAccessKey: newSecret, UserName: 'alice', Status: 'Active' } });
  smMock.on(DescribeSecretCommand).rejects(awsError('ResourceNotFoundException'));
  smMock.on(CreateSecretCommand).resolves({ ARN, Name: 'leakwatch/replacement-keys/alice' });
  userKeys([keyId, 'Active']);
});

describe('aws-iam-access-key rotator: replacement key (response.aws.createReplacementKey)', () => {
  it('creates one key as the daemon and stores it once, tagged and KMS-encrypted, telling the owner where to fetch it', async () => {
    const ctx = context('alias/leakwatch-replacements');
    const result = await awsIamAccessKeyRotator.contain(ctx);

    expect(iamMock.commandCalls(CreateAccessKeyCommand).map((c) => c.args[0].input)).toEqual([{ UserName: 'alice' }]);
    const created = smMock.commandCalls(CreateSecretCommand).map((c) => c.args[0].input);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ Name: 'leakwatch/replacement-keys/alice', KmsKeyId: 'alias/leakwatch-replacements' });
    expect(JSON.parse(created[0]?.SecretString ?? '{}')).toEqual({ accessKeyId: newId, secretAccessKey: newSecret });
    expect(Object.fromEntries((created[0]?.Tags ?? []).map((t) => [t.Key, t.Value]))).toEqual({
      'leakwatch:incident': ctx.incident.id,
      'leakwatch:iam-user': 'alice',
      'leakwatch:replaces-key': keyId,
      'leakwatch:access-key-id': newId,
      'leakwatch:owner': 'owner@example.test',
    });
    expect(smMock.commandCalls(PutSecretValueCommand)).toHaveLength(0);
    expect(replacementEntry(result)).toMatchObject({ outcome: 'ok', phase: 'recovery', data: { secretName: 'leakwatch/replacement-keys/alice', secretArn: ARN } });
    expect(step(result)).toContain(`aws secretsmanager get-secret-value --secret-id ${ARN}`);
    expect(result.remainingSteps.some((s) => s.startsWith('Move every system'))).toBe(false);
    // The new secret key goes only to Secrets Manager: not in the result, the log or another call.
    expect(JSON.stringify(result)).not.toContain(newSecret);
    expect(ctx.logText()).not.toContain(newSecret);
    expect(sentInputs(stsMock, iamMock)).not.toContain(newSecret);
    // The full new key id is only in the secret and its tag; the timeline shows it redacted.
    expect(JSON.stringify([result.entries, result.remainingSteps])).not.toContain(newId);
  });

  it('creates no second key when the secret already holds a live replacement for this leaked key (a restart that lost the timeline)', async () => {
    taggedSecret(keyId, newId);
    userKeys([keyId, 'Inactive'], [newId, 'Active']);
    const result = await awsIamAccessKeyRotator.contain(context());
    expect(iamMock.commandCalls(CreateAccessKeyCommand)).toHaveLength(0);
    expect(smMock.commandCalls(CreateSecretCommand)).toHaveLength(0);
    expect(smMock.commandCalls(PutSecretValueCommand)).toHaveLength(0);
    expect(replacementEntry(result)).toMatchObject({ outcome: 'ok', data: { replacement: 'existing' } });
    expect(step(result)).toContain(ARN);
  });

  it('on a second pass over the recorded timeline makes no Secrets Manager call and keeps the same fetch step', async () => {
    const ctx = context();
    const first = await awsIamAccessKeyRotator.contain(ctx);
    ctx.incident.timeline.push(...first.entries);
    smMock.resetHistory();
    iamMock.resetHistory();
    userKeys([keyId, 'Inactive'], [newId, 'Active']);
    const second = await awsIamAccessKeyRotator.contain(ctx);
    expect(callSequence(smMock)).toEqual([]);
    expect(iamMock.commandCalls(CreateAccessKeyCommand)).toHaveLength(0);
    expect(step(first)).toContain(ARN);
    expect(step(second)).toBe(step(first));
  });

  it('respects the two-keys-per-user limit with a clear entry and no call that creates anything', async () => {
    const other = fakeAccessKeyId();
    userKeys([keyId, 'Active'], [other, 'Inactive']);
    const result = await awsIamAccessKeyRotator.contain(context());
    expect(iamMock.commandCalls(CreateAccessKeyCommand)).toHaveLength(0);
    expect(smMock.commandCalls(CreateSecretCommand)).toHaveLength(0);
    expect(replacementEntry(result)).toMatchObject({ outcome: 'skipped' });
    expect(replacementEntry(result)?.detail).toContain('IAM allows two access keys per user');
  });

  it('turns LimitExceeded from CreateAccessKey into the same clear entry', async () => {
    iamMock.on(CreateAccessKeyCommand).rejects(awsError('LimitExceededException'));
    const result = await awsIamAccessKeyRotator.contain(context());
    expect(replacementEntry(result)).toMatchObject({ outcome: 'skipped' });
    expect(replacementEntry(result)?.detail).toContain('two access keys per user');
    expect(smMock.commandCalls(CreateSecretCommand)).toHaveLength(0);
  });

  it('writes a new version (and new tags) into a secret left by an earlier leak of the same user, once', async () => {
    taggedSecret(fakeAccessKeyId(), fakeAccessKeyId());
    smMock.on(PutSecretValueCommand).resolves({ ARN });
    const result = await awsIamAccessKeyRotator.contain(context());
    expect(iamMock.commandCalls(CreateAccessKeyCommand)).toHaveLength(1);
    expect(smMock.commandCalls(CreateSecretCommand)).toHaveLength(0);
    expect(smMock.commandCalls(PutSecretValueCommand)).toHaveLength(1);
    const tags = smMock.commandCalls(TagResourceCommand)[0]?.args[0].input.Tags ?? [];
    expect(tags).toEqual(expect.arrayContaining([{ Key: 'leakwatch:replaces-key', Value: keyId }, { Key: 'leakwatch:access-key-id', Value: newId }]));
    expect(replacementEntry(result)).toMatchObject({ outcome: 'ok' });
  });

  it('creates the replacement again when the key the secret names no longer exists (it was rolled back)', async () => {
    taggedSecret(keyId, fakeAccessKeyId());
    smMock.on(PutSecretValueCommand).resolves({ ARN });
    await awsIamAccessKeyRotator.contain(context());
    expect(iamMock.commandCalls(CreateAccessKeyCommand)).toHaveLength(1);
    expect(iamMock.commandCalls(DeleteAccessKeyCommand)).toHaveLength(0);
    const tags = smMock.commandCalls(TagResourceCommand)[0]?.args[0].input.Tags ?? [];
    expect(tags).toEqual(expect.arrayContaining([{ Key: 'leakwatch:access-key-id', Value: newId }]));
  });
});
