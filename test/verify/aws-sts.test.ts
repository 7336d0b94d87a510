import { GetAccessKeyLastUsedCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsStsVerifier } from '../../src/verify/aws-sts/index.js';
import type { AwsKeyPair, VerifyContext } from '../../src/verify/types.js';
import { awsError, callSequence } from '../helpers/aws-calls.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-credentials.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

const NOW = new Date('2026-11-28T12:00:00.000Z');
const daemonSts = new STSClient({ region: 'us-east-1' });
const leakedSts = new STSClient({ region: 'us-east-1' });
const daemonMock = mockClient(daemonSts);
const leakedMock = mockClient(leakedSts);
const iamMock = mockClient(IAMClient);

let keyId: string;
let secretKey: string;
let built: AwsKeyPair[];

function context(canaryAccounts: string[] = []): VerifyContext {
  return {
    secret: { value: secretKey, relatedValue: keyId },
    clients: {
      sts: daemonSts,
      createLeakedStsClient: (credentials) => {
        built.push(credentials);
        return leakedSts;
      },
    },
    options: { canaryAccounts },
    log: createMemoryLogger().log,
    now: () => NOW,
  };
}

beforeEach(() => {
  daemonMock.reset();
  leakedMock.reset();
  iamMock.reset();
  keyId = fakeAccessKeyId();
  secretKey = fakeSecretAccessKey();
  built = [];
});

describe('aws-sts verifier', () => {
  it('looks up the account as the daemon first, then calls GetCallerIdentity with the leaked pair', async () => {
    daemonMock.on(GetAccessKeyInfoCommand).resolves({ Account: '111122223333' });
    leakedMock.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/alice', UserId: 'AIDAEXAMPLE' });
    const result = await awsStsVerifier.verify(context());
    expect(callSequence(daemonMock, leakedMock)).toEqual(['GetAccessKeyInfo', 'GetCallerIdentity']);
    expect(daemonMock.commandCalls(GetAccessKeyInfoCommand)[0]?.args[0].input).toEqual({ AccessKeyId: keyId });
    expect(built).toEqual([{ accessKeyId: keyId, secretAccessKey: secretKey }]);
    expect(result).toMatchObject({ status: 'live', identity: { arn: 'arn:aws:iam::111122223333:user/alice' } });
    expect(JSON.stringify(result)).not.toContain(secretKey);
  });

  it('reads the key owner and last use before the check itself becomes the last use', async () => {
    daemonMock.on(GetAccessKeyInfoCommand).resolves({ Account: '111122223333' });
    iamMock.on(GetAccessKeyLastUsedCommand).resolves({
      UserName: 'alice',
      AccessKeyLastUsed: { LastUsedDate: new Date('2026-11-27T08:00:00Z'), ServiceName: 's3', Region: 'eu-west-1' },
    });
    leakedMock.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/alice', UserId: 'AIDAEXAMPLE' });
    const ctx = context();
    const result = await awsStsVerifier.verify({ ...ctx, clients: { ...ctx.clients, iam: new IAMClient({}) } });
    expect(callSequence(daemonMock, iamMock, leakedMock)).toEqual(['GetAccessKeyInfo', 'GetAccessKeyLastUsed', 'GetCallerIdentity']);
    expect(result.identity).toMatchObject({ userName: 'alice', lastUsedBeforeCheck: '2026-11-27T08:00:00.000Z', lastUsedService: 's3' });
  });

  it('never uses a key of a canary account', async () => {
    daemonMock.on(GetAccessKeyInfoCommand).resolves({ Account: '444455556666' });
    const result = await awsStsVerifier.verify(context(['444455556666']));
    expect(built).toEqual([]);
    expect(leakedMock.calls()).toHaveLength(0);
    expect(result.status).toBe('skipped');
  });

  it('does not use the key when its account cannot be looked up', async () => {
    daemonMock.on(GetAccessKeyInfoCommand).rejects(awsError('AccessDenied'));
    const result = await awsStsVerifier.verify(context());
    expect(built).toEqual([]);
    expect(result.status).toBe('skipped');
  });

  it('reports a key AWS rejects as invalid', async () => {
    daemonMock.on(GetAccessKeyInfoCommand).resolves({ Account: '111122223333' });
    leakedMock.on(GetCallerIdentityCommand).rejects(awsError('InvalidClientTokenId', { $metadata: { httpStatusCode: 403 } }));
    const result = await awsStsVerifier.verify(context());
    expect(result.status).toBe('invalid');
  });

  it('reports throttling as a retryable error', async () => {
    daemonMock.on(GetAccessKeyInfoCommand).resolves({ Account: '111122223333' });
    leakedMock.on(GetCallerIdentityCommand).rejects(awsError('Throttling'));
    const result = await awsStsVerifier.verify(context());
    expect(result).toMatchObject({ status: 'error', retryable: true });
  });

  it('skips a lone key id without its secret', async () => {
    const result = await awsStsVerifier.verify({ ...context(), secret: { value: keyId } });
    expect(daemonMock.calls()).toHaveLength(0);
    expect(result.status).toBe('skipped');
  });
});
