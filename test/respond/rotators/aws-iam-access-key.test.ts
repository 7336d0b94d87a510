import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  DeleteAccessKeyCommand,
  GetAccessKeyLastUsedCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListAttachedUserPoliciesCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awsIamAccessKeyRotator } from '../../../src/respond/rotators/aws-iam-access-key/index.js';
import type { RotatorContext, RotatorOptions } from '../../../src/respond/rotators/types.js';
import type { LeakedSecret } from '../../../src/domain/incident.js';
import { awsError, callSequence, sentInputs } from '../../helpers/aws-calls.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../../helpers/fake-credentials.js';
import { makeIncident } from '../../helpers/make-incident.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';

const OWN = '111122223333';
const NOW = new Date('2026-11-28T12:00:00.000Z');
const iamMock = mockClient(IAMClient);
const stsMock = mockClient(STSClient);
const smMock = mockClient(SecretsManagerClient);

let keyId: string;
let secret: LeakedSecret;

function context(options: RotatorOptions = {}): RotatorContext & { logText: () => string } {
  const { log, text } = createMemoryLogger();
  return {
    incident: makeIncident(),
    secret,
    clients: { iam: new IAMClient({}), sts: new STSClient({}), secretsManager: new SecretsManagerClient({}) },
    options,
    log,
    now: () => NOW,
    logText: text,
  };
}

function ourKey(status: 'Active' | 'Inactive' = 'Active'): void {
  stsMock.on(GetCallerIdentityCommand).resolves({ Account: OWN, Arn: `arn:aws:sts::${OWN}:assumed-role/leakwatch/daemon` });
  stsMock.on(GetAccessKeyInfoCommand).resolves({ Account: OWN });
  iamMock.on(GetAccessKeyLastUsedCommand).resolves({
    UserName: 'alice',
    AccessKeyLastUsed: { LastUsedDate: new Date('2026-11-27T08:00:00Z'), ServiceName: 's3', Region: 'eu-west-1' },
  });
  iamMock.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [{ AccessKeyId: keyId, Status: status, UserName: 'alice' }] });
  iamMock.on(ListAttachedUserPoliciesCommand).resolves({ AttachedPolicies: [], IsTruncated: false });
  iamMock.on(GetUserPolicyCommand).rejects(awsError('NoSuchEntity', { $metadata: { httpStatusCode: 404 } }));
  smMock.on(DescribeSecretCommand).rejects(awsError('ResourceNotFoundException'));
}

beforeEach(() => {
  iamMock.reset();
  stsMock.reset();
  smMock.reset();
  keyId = fakeAccessKeyId();
  secret = { value: fakeSecretAccessKey(), relatedValue: keyId };
});
afterEach(() => {
  iamMock.reset();
  stsMock.reset();
  smMock.reset();
});

describe('aws-iam-access-key rotator: contain', () => {
  it('checks the account, finds the owner, quarantines, denies older sessions and deactivates, in that order', async () => {
    ourKey();
    const ctx = context();
    const result = await awsIamAccessKeyRotator.contain(ctx);

    expect(callSequence(stsMock, iamMock)).toEqual([
      'GetCallerIdentity',
      'GetAccessKeyInfo',
      'GetAccessKeyLastUsed',
      'ListAttachedUserPolicies',
      'AttachUserPolicy',
      'GetUserPolicy',
      'PutUserPolicy',
      'ListAccessKeys',
      'UpdateAccessKey',
    ]);
    expect(iamMock.commandCalls(GetUserPolicyCommand)[0]?.args[0].input).toEqual({
      UserName: 'alice',
      PolicyName: 'leakwatch-deny-sessions-issued-before-exposure-response',
    });
    expect(stsMock.commandCalls(GetAccessKeyInfoCommand)[0]?.args[0].input).toEqual({ AccessKeyId: keyId });
    expect(iamMock.commandCalls(AttachUserPolicyCommand)[0]?.args[0].input).toEqual({
      UserName: 'alice',
      PolicyArn: 'arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3',
    });
    const put = iamMock.commandCalls(PutUserPolicyCommand)[0]?.args[0].input;
    expect(put?.UserName).toBe('alice');
    expect(JSON.parse(put?.PolicyDocument ?? '{}')).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Deny', Action: '*', Resource: '*', Condition: { DateLessThan: { 'aws:TokenIssueTime': NOW.toISOString() } } },
      ],
    });
    expect(iamMock.commandCalls(UpdateAccessKeyCommand)[0]?.args[0].input).toEqual({
      UserName: 'alice',
      AccessKeyId: keyId,
      Status: 'Inactive',
    });
    expect(result.entries.map((e) => [e.action, e.outcome])).toEqual([
      ['iam.lookup-owner', 'ok'],
      ['iam.attach-quarantine-policy', 'ok'],
      ['iam.deny-older-sessions', 'ok'],
      ['iam.deactivate-key', 'ok'],
    ]);
    expect(result.entries[0]?.data).toMatchObject({ userName: 'alice', lastUsedService: 's3', lastUsedRegion: 'eu-west-1' });
    expect(result.followUps).toEqual([
      { provider: 'aws-iam-access-key', step: 'eradicate', notBefore: new Date('2026-12-05T12:00:00.000Z'), target: { userName: 'alice', accessKeyId: keyId } },
    ]);
  });

  it('never sends, logs or records the leaked secret access key', async () => {
    ourKey();
    const ctx = context({ awsIamAccessKey: { createReplacement: true } });
    smMock.on(CreateSecretCommand).resolves({});
    iamMock.on(CreateAccessKeyCommand).resolves({
      AccessKey: { AccessKeyId: fakeAccessKeyId(), SecretAccessKey: fakeSecretAccessKey(), UserName: 'alice', Status: 'Active' },
    });
    const result = await awsIamAccessKeyRotator.contain(ctx);
    expect(sentInputs(stsMock, iamMock, smMock)).not.toContain(secret.value);
    expect(JSON.stringify(result)).not.toContain(secret.value);
    // The key id is an identifier the deletion follow-up needs; the timeline shows it redacted.
    expect(JSON.stringify([result.entries, result.remainingSteps])).not.toContain(keyId);
    expect(ctx.logText()).not.toContain(secret.value);
  });

  it('on a rerun with the timeline recorded, repeats only the read-only lookups', async () => {
    ourKey();
    iamMock.on(CreateAccessKeyCommand).resolves({ AccessKey: { AccessKeyId: fakeAccessKeyId(), SecretAccessKey: fakeSecretAccessKey(), UserName: 'alice', Status: 'Active' } });
    smMock.on(CreateSecretCommand).resolves({});
    const ctx = context({ awsIamAccessKey: { createReplacement: true } });
    const first = await awsIamAccessKeyRotator.contain(ctx);
    ctx.incident.timeline.push(...first.entries);

    iamMock.reset();
    stsMock.reset();
    smMock.reset();
    ourKey('Inactive');
    const second = await awsIamAccessKeyRotator.contain(ctx);
    expect(callSequence(stsMock, iamMock, smMock)).toEqual(['GetCallerIdentity', 'GetAccessKeyInfo', 'GetAccessKeyLastUsed', 'ListAccessKeys']);
    expect(second.entries.map((e) => [e.action, e.outcome])).toEqual([
      ['iam.lookup-owner', 'ok'],
      ['iam.deactivate-key', 'skipped'],
    ]);
  });

  it('after a run cut short past AWS (nothing recorded), reads the quarantine and the session-deny policy and sends neither again', async () => {
    ourKey('Inactive');
    const cutOff = '2026-11-28T11:58:30.000Z';
    const document = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { DateLessThan: { 'aws:TokenIssueTime': cutOff } } }],
    });
    // The quarantine policy on the second page; IAM returns the inline document URL-encoded.
    iamMock
      .on(ListAttachedUserPoliciesCommand)
      .resolves({ AttachedPolicies: [{ PolicyArn: 'arn:aws:iam::111122223333:policy/other' }], IsTruncated: true, Marker: 'page-2' });
    iamMock
      .on(ListAttachedUserPoliciesCommand, { UserName: 'alice', Marker: 'page-2' })
      .resolves({ AttachedPolicies: [{ PolicyArn: 'arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3' }], IsTruncated: false });
    iamMock.on(GetUserPolicyCommand).resolves({ UserName: 'alice', PolicyName: 'x', PolicyDocument: encodeURIComponent(document) });

    const result = await awsIamAccessKeyRotator.contain(context());
    expect(iamMock.commandCalls(AttachUserPolicyCommand)).toHaveLength(0);
    expect(iamMock.commandCalls(PutUserPolicyCommand)).toHaveLength(0);
    expect(iamMock.commandCalls(ListAttachedUserPoliciesCommand).map((c) => c.args[0].input)).toEqual([
      { UserName: 'alice' },
      { UserName: 'alice', Marker: 'page-2' },
    ]);
    const byAction = new Map(result.entries.map((e) => [e.action, e]));
    expect(byAction.get('iam.attach-quarantine-policy')).toMatchObject({ outcome: 'ok', data: { policyState: 'already-attached' } });
    expect(byAction.get('iam.attach-quarantine-policy')?.detail).toContain('already attached');
    // The original cut-off is kept, not moved to the rerun's time.
    expect(byAction.get('iam.deny-older-sessions')).toMatchObject({
      outcome: 'ok',
      data: { issuedBefore: cutOff, policyState: 'already-in-place' },
    });
    expect(byAction.get('iam.deny-older-sessions')?.detail).toContain(cutOff);
    expect(result.remainingSteps.some((s) => s.startsWith('Do by hand'))).toBe(false);
  });

  it('attaches and puts when the reads show neither in place, and acts blind when the reads are denied', async () => {
    ourKey();
    iamMock
      .on(ListAttachedUserPoliciesCommand)
      .resolves({ AttachedPolicies: [{ PolicyArn: 'arn:aws:iam::111122223333:policy/other' }], IsTruncated: false });
    const first = await awsIamAccessKeyRotator.contain(context());
    expect(iamMock.commandCalls(AttachUserPolicyCommand)).toHaveLength(1);
    expect(iamMock.commandCalls(PutUserPolicyCommand)).toHaveLength(1);
    expect(first.entries.filter((e) => e.action.startsWith('iam.') && e.action !== 'iam.lookup-owner').map((e) => e.outcome)).toEqual(['ok', 'ok', 'ok']);

    iamMock.reset();
    stsMock.reset();
    ourKey();
    iamMock.on(ListAttachedUserPoliciesCommand).rejects(awsError('AccessDenied', { $metadata: { httpStatusCode: 403 } }));
    iamMock.on(GetUserPolicyCommand).rejects(awsError('AccessDenied', { $metadata: { httpStatusCode: 403 } }));
    const blind = await awsIamAccessKeyRotator.contain(context());
    expect(iamMock.commandCalls(AttachUserPolicyCommand)).toHaveLength(1);
    expect(iamMock.commandCalls(PutUserPolicyCommand)).toHaveLength(1);
    expect(blind.entries.find((e) => e.action === 'iam.deny-older-sessions')).toMatchObject({ outcome: 'ok', data: { issuedBefore: NOW.toISOString() } });
  });

  it('replaces a session-deny policy whose cut-off it cannot read', async () => {
    ourKey();
    iamMock.on(GetUserPolicyCommand).resolves({ UserName: 'alice', PolicyName: 'x', PolicyDocument: encodeURIComponent('{"Statement":[]}') });
    const result = await awsIamAccessKeyRotator.contain(context());
    expect(iamMock.commandCalls(PutUserPolicyCommand)).toHaveLength(1);
    expect(result.entries.find((e) => e.action === 'iam.deny-older-sessions')).toMatchObject({ outcome: 'ok' });
  });

  it('uses the partition of the daemon for the quarantine policy ARN', async () => {
    ourKey();
    stsMock.on(GetCallerIdentityCommand).resolves({ Account: OWN, Arn: `arn:aws-us-gov:sts::${OWN}:assumed-role/leakwatch/daemon` });
    await awsIamAccessKeyRotator.contain(context());
    expect(iamMock.commandCalls(AttachUserPolicyCommand)[0]?.args[0].input.PolicyArn).toBe(
      'arn:aws-us-gov:iam::aws:policy/AWSCompromisedKeyQuarantineV3',
    );
  });

  it('reports a key of another account without touching IAM', async () => {
    stsMock.on(GetCallerIdentityCommand).resolves({ Account: OWN, Arn: `arn:aws:sts::${OWN}:assumed-role/leakwatch/daemon` });
    stsMock.on(GetAccessKeyInfoCommand).resolves({ Account: '999988887777' });
    const result = await awsIamAccessKeyRotator.contain(context());
    expect(callSequence(stsMock, iamMock)).toEqual(['GetCallerIdentity', 'GetAccessKeyInfo']);
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]).toMatchObject({ action: 'iam.identify-account', outcome: 'skipped' });
    expect(result.remainingSteps.join('\n')).toContain('999988887777');
    expect(result.followUps).toEqual([]);
  });

  it('records an already inactive key instead of updating it again', async () => {
    ourKey('Inactive');
    const result = await awsIamAccessKeyRotator.contain(context());
    expect(iamMock.commandCalls(UpdateAccessKeyCommand)).toHaveLength(0);
    expect(result.entries.at(-1)).toMatchObject({ action: 'iam.deactivate-key', outcome: 'skipped' });
    expect(result.entries.at(-1)?.detail).toContain('already inactive');
  });

  it('records a key that no longer exists (NoSuchEntity) as skipped and stops', async () => {
    stsMock.on(GetCallerIdentityCommand).resolves({ Account: OWN, Arn: `arn:aws:sts::${OWN}:assumed-role/leakwatch/daemon` });
    stsMock.on(GetAccessKeyInfoCommand).resolves({ Account: OWN });
    iamMock.on(GetAccessKeyLastUsedCommand).rejects(awsError('NoSuchEntity'));
    const result = await awsIamAccessKeyRotator.contain(context());
    expect(callSequence(stsMock, iamMock)).toEqual(['GetCallerIdentity', 'GetAccessKeyInfo', 'GetAccessKeyLastUsed']);
    expect(result.entries).toEqual([
      expect.objectContaining({ action: 'iam.lookup-owner', outcome: 'skipped', retryable: false }),
    ]);
  });

  it('records a key deleted between lookup and deactivation as skipped, with no deletion scheduled', async () => {
    ourKey();
    iamMock.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [] });
    const result = await awsIamAccessKeyRotator.contain(context());
    expect(iamMock.commandCalls(UpdateAccessKeyCommand)).toHaveLength(0);
    expect(result.entries.at(-1)?.data).toMatchObject({ keyState: 'deleted' });
    expect(result.followUps).toEqual([]);
  });

  it('records throttling as a retryable failure and AccessDenied as a manual step, without throwing', async () => {
    ourKey();
    iamMock.on(AttachUserPolicyCommand).rejects(awsError('AccessDenied', { $metadata: { httpStatusCode: 403 } }));
    iamMock.on(UpdateAccessKeyCommand).rejects(awsError('Throttling'));
    const result = await awsIamAccessKeyRotator.contain(context());
    const byAction = new Map(result.entries.map((e) => [e.action, e]));
    expect(byAction.get('iam.attach-quarantine-policy')).toMatchObject({ outcome: 'failed', retryable: false });
    expect(byAction.get('iam.deny-older-sessions')).toMatchObject({ outcome: 'ok' });
    expect(byAction.get('iam.deactivate-key')).toMatchObject({ outcome: 'failed', retryable: true });
    expect(result.remainingSteps.some((s) => s.startsWith('Do by hand') && s.includes('AWSCompromisedKeyQuarantineV3'))).toBe(true);
    expect(result.followUps).toEqual([]);
  });

  it('creates a replacement key and stores it in Secrets Manager under the configured name', async () => {
    ourKey();
    const newId = fakeAccessKeyId();
    const newSecret = fakeSecretAccessKey();
    iamMock.on(CreateAccessKeyCommand).resolves({ AccessKey: { AccessKeyId: newId, SecretAccessKey: newSecret, UserName: 'alice', Status: 'Active' } });
    smMock.on(CreateSecretCommand).rejects(awsError('ResourceExistsException'));
    smMock.on(PutSecretValueCommand).resolves({});
    const result = await awsIamAccessKeyRotator.contain(context({ awsIamAccessKey: { createReplacement: true, replacementSecretName: 'keys/{user}' } }));

    expect(callSequence(stsMock, iamMock, smMock).slice(-6)).toEqual([
      'UpdateAccessKey',
      'DescribeSecret',
      'CreateAccessKey',
      'CreateSecret',
      'TagResource',
      'PutSecretValue',
    ]);
    expect(iamMock.commandCalls(CreateAccessKeyCommand)[0]?.args[0].input).toEqual({ UserName: 'alice' });
    const put = smMock.commandCalls(PutSecretValueCommand)[0]?.args[0].input;
    expect(put?.SecretId).toBe('keys/alice');
    expect(JSON.parse(put?.SecretString ?? '{}')).toEqual({ accessKeyId: newId, secretAccessKey: newSecret });
    expect(result.entries.at(-1)).toMatchObject({ action: 'iam.create-replacement-key', outcome: 'ok', phase: 'recovery' });
    expect(JSON.stringify(result)).not.toContain(newSecret);
  });

  it('deletes an unstorable replacement key again rather than leaving it orphaned', async () => {
    ourKey();
    const newId = fakeAccessKeyId();
    iamMock.on(CreateAccessKeyCommand).resolves({ AccessKey: { AccessKeyId: newId, SecretAccessKey: fakeSecretAccessKey(), UserName: 'alice', Status: 'Active' } });
    smMock.on(CreateSecretCommand).rejects(awsError('AccessDeniedException'));
    const result = await awsIamAccessKeyRotator.contain(context({ awsIamAccessKey: { createReplacement: true } }));
    expect(iamMock.commandCalls(DeleteAccessKeyCommand)[0]?.args[0].input).toEqual({ UserName: 'alice', AccessKeyId: newId });
    expect(result.entries.slice(-2).map((e) => [e.action, e.outcome])).toEqual([
      ['iam.store-replacement-key', 'failed'],
      ['iam.delete-unstored-replacement', 'ok'],
    ]);
  });

  it('does not create a second replacement when the user already has another active key', async () => {
    ourKey();
    iamMock.on(ListAccessKeysCommand).resolves({
      AccessKeyMetadata: [
        { AccessKeyId: keyId, Status: 'Active', UserName: 'alice' },
        { AccessKeyId: fakeAccessKeyId(), Status: 'Active', UserName: 'alice' },
      ],
    });
    const result = await awsIamAccessKeyRotator.contain(context({ awsIamAccessKey: { createReplacement: true } }));
    expect(iamMock.commandCalls(CreateAccessKeyCommand)).toHaveLength(0);
    expect(result.entries.at(-1)).toMatchObject({ action: 'iam.create-replacement-key', outcome: 'skipped' });
  });

  it('turns a secret without a paired key id into a manual step with no AWS call', async () => {
    secret = { value: fakeSecretAccessKey() };
    const result = await awsIamAccessKeyRotator.contain(context());
    expect(callSequence(stsMock, iamMock)).toEqual([]);
    expect(result.entries[0]).toMatchObject({ action: 'iam.identify-key', outcome: 'skipped' });
    expect(result.remainingSteps).toHaveLength(1);
  });

  it('plans the auto steps without calling AWS', () => {
    const plan = awsIamAccessKeyRotator.plan({ incident: makeIncident(), options: { awsIamAccessKey: { createReplacement: true } }, now: () => NOW });
    expect(plan.entries.every((e) => e.outcome === 'planned')).toBe(true);
    expect(plan.entries.map((e) => e.action)).toContain('iam.create-replacement-key');
    expect(callSequence(stsMock, iamMock)).toEqual([]);
  });
});

describe('aws-iam-access-key rotator: eradicate', () => {
  const followUp = () => ({ provider: 'aws-iam-access-key', step: 'eradicate' as const, notBefore: NOW, target: { userName: 'alice', accessKeyId: keyId } });
  const ctx = () => ({ followUp: followUp(), clients: { iam: new IAMClient({}) }, options: {}, log: createMemoryLogger().log, now: () => NOW });

  it('deletes the inactive key after checking it was not reactivated', async () => {
    iamMock.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [{ AccessKeyId: keyId, Status: 'Inactive', UserName: 'alice' }] });
    const result = await awsIamAccessKeyRotator.eradicate?.(ctx());
    expect(callSequence(iamMock)).toEqual(['ListAccessKeys', 'DeleteAccessKey']);
    expect(iamMock.commandCalls(DeleteAccessKeyCommand)[0]?.args[0].input).toEqual({ UserName: 'alice', AccessKeyId: keyId });
    expect(result?.entries[0]).toMatchObject({ action: 'iam.delete-key', outcome: 'ok', phase: 'eradication' });
  });

  it('leaves a reactivated key alone and asks a person', async () => {
    iamMock.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [{ AccessKeyId: keyId, Status: 'Active', UserName: 'alice' }] });
    const result = await awsIamAccessKeyRotator.eradicate?.(ctx());
    expect(iamMock.commandCalls(DeleteAccessKeyCommand)).toHaveLength(0);
    expect(result?.entries[0]?.outcome).toBe('skipped');
    expect(result?.remainingSteps).toHaveLength(1);
  });

  it('records an already deleted key (NoSuchEntity on delete) as skipped', async () => {
    iamMock.on(ListAccessKeysCommand).rejects(awsError('AccessDenied'));
    iamMock.on(DeleteAccessKeyCommand).rejects(awsError('NoSuchEntity'));
    const result = await awsIamAccessKeyRotator.eradicate?.(ctx());
    expect(result?.entries[0]).toMatchObject({ outcome: 'skipped', retryable: false });
  });
});
