import {
  BatchGetSecretValueCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  RotateSecretCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { secretsManagerRotator } from '../../../src/respond/rotators/secrets-manager/index.js';
import type { RotatorContext, RotatorOptions } from '../../../src/respond/rotators/types.js';
import { awsError, callSequence, sentInputs } from '../../helpers/aws-calls.js';
import { fakeSecretAccessKey } from '../../helpers/fake-credentials.js';
import { makeIncident } from '../../helpers/make-incident.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';

const smMock = mockClient(SecretsManagerClient);
const NOW = new Date('2026-11-28T12:00:00.000Z');
let leaked: string;

const arn = (name: string) => `arn:aws:secretsmanager:eu-west-1:111122223333:secret:${name}-AbCdEf`;

function entry(name: string, rotation: boolean, previous = false) {
  return {
    ARN: arn(name),
    Name: name,
    RotationEnabled: rotation,
    SecretVersionsToStages: { [`v1-${name}`]: ['AWSCURRENT'], ...(previous ? { [`v0-${name}`]: ['AWSPREVIOUS'] } : {}) },
  };
}

function context(options: RotatorOptions = {}): RotatorContext & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    incident: makeIncident(),
    secret: { value: leaked },
    clients: { secretsManager: new SecretsManagerClient({}) },
    options,
    log: createMemoryLogger().log,
    now: () => NOW,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    sleeps,
  };
}

beforeEach(() => {
  smMock.reset();
  leaked = fakeSecretAccessKey();
});

describe('secrets-manager rotator', () => {
  it('lists every page, reads values in batches of 20, finds the JSON field, rotates and confirms AWSCURRENT moved', async () => {
    const names = Array.from({ length: 25 }, (_, i) => `app/secret-${i}`);
    smMock
      .on(ListSecretsCommand, { NextToken: undefined })
      .resolves({ SecretList: names.slice(0, 15).map((n) => entry(n, n === 'app/secret-22')), NextToken: 'page-2' })
      .on(ListSecretsCommand, { NextToken: 'page-2' })
      .resolves({ SecretList: names.slice(15).map((n) => entry(n, n === 'app/secret-22')) });
    smMock.on(BatchGetSecretValueCommand).callsFake((input: { SecretIdList: string[] }) => ({
      SecretValues: input.SecretIdList.map((id) => ({
        ARN: id,
        SecretString: id === arn('app/secret-22') ? JSON.stringify({ username: 'svc', password: leaked }) : JSON.stringify({ password: 'other' }),
      })),
    }));
    smMock.on(RotateSecretCommand).resolves({ VersionId: 'v2' });
    smMock
      .on(DescribeSecretCommand)
      .resolvesOnce({ VersionIdsToStages: { 'v1-app/secret-22': ['AWSCURRENT'], v2: ['AWSPENDING'] } })
      .resolves({ VersionIdsToStages: { 'v1-app/secret-22': ['AWSPREVIOUS'], v2: ['AWSCURRENT'] } });

    const ctx = context({ secretsManager: { filters: [{ Key: 'tag-key', Values: ['app'] }] } });
    const result = await secretsManagerRotator.contain(ctx);

    expect(callSequence(smMock)).toEqual([
      'ListSecrets',
      'ListSecrets',
      'BatchGetSecretValue',
      'BatchGetSecretValue',
      'RotateSecret',
      'DescribeSecret',
      'DescribeSecret',
    ]);
    expect(smMock.commandCalls(ListSecretsCommand)[0]?.args[0].input.Filters).toEqual([{ Key: 'tag-key', Values: ['app'] }]);
    const batches = smMock.commandCalls(BatchGetSecretValueCommand).map((c) => c.args[0].input.SecretIdList?.length);
    expect(batches).toEqual([20, 5]);
    expect(smMock.commandCalls(RotateSecretCommand)[0]?.args[0].input).toEqual({ SecretId: arn('app/secret-22') });
    expect(ctx.sleeps).toEqual([2000]);
    expect(result.entries.map((e) => [e.action, e.outcome])).toEqual([
      ['secretsmanager.search', 'ok'],
      ['secretsmanager.rotate', 'ok'],
      ['secretsmanager.confirm-rotation', 'ok'],
    ]);
    expect(result.entries[0]?.detail).toContain('app/secret-22 (field password) as AWSCURRENT');
    expect(result.entries[2]?.data).toMatchObject({ previousVersionId: 'v1-app/secret-22', currentVersionId: 'v2' });
    expect(JSON.stringify(result)).not.toContain(leaked);
    expect(sentInputs(smMock)).not.toContain(leaked);
  });

  it('checks AWSPREVIOUS of secrets whose current value did not match', async () => {
    smMock.on(ListSecretsCommand).resolves({ SecretList: [entry('db/main', true, true), entry('db/other', true)] });
    smMock.on(BatchGetSecretValueCommand).resolves({
      SecretValues: [
        { ARN: arn('db/main'), SecretString: 'new-value' },
        { ARN: arn('db/other'), SecretString: 'unrelated' },
      ],
    });
    smMock.on(GetSecretValueCommand).resolves({ ARN: arn('db/main'), SecretString: leaked });
    smMock.on(RotateSecretCommand).resolves({});
    smMock.on(DescribeSecretCommand).resolves({ VersionIdsToStages: { v9: ['AWSCURRENT'] } });

    const result = await secretsManagerRotator.contain(context());
    expect(smMock.commandCalls(GetSecretValueCommand).map((c) => c.args[0].input)).toEqual([
      { SecretId: arn('db/main'), VersionStage: 'AWSPREVIOUS' },
    ]);
    expect(result.entries[0]?.detail).toContain('db/main as AWSPREVIOUS');
    expect(smMock.commandCalls(RotateSecretCommand)).toHaveLength(1);
  });

  it('does not rotate again on a rerun once the leaked value moved to AWSPREVIOUS', async () => {
    smMock.on(ListSecretsCommand).resolves({ SecretList: [entry('svc/a', true)] });
    smMock.on(BatchGetSecretValueCommand).resolves({ SecretValues: [{ ARN: arn('svc/a'), SecretString: leaked }] });
    smMock.on(RotateSecretCommand).resolves({});
    smMock.on(DescribeSecretCommand).resolves({ VersionIdsToStages: { v2: ['AWSCURRENT'] } });
    const ctx = context();
    ctx.incident.timeline.push(...(await secretsManagerRotator.contain(ctx)).entries);

    smMock.reset();
    smMock.on(ListSecretsCommand).resolves({ SecretList: [entry('svc/a', true, true)] });
    smMock.on(BatchGetSecretValueCommand).resolves({ SecretValues: [{ ARN: arn('svc/a'), SecretString: 'rotated' }] });
    smMock.on(GetSecretValueCommand).resolves({ ARN: arn('svc/a'), SecretString: leaked });
    const second = await secretsManagerRotator.contain(ctx);
    expect(smMock.commandCalls(RotateSecretCommand)).toHaveLength(0);
    expect(second.entries.map((e) => e.action)).toEqual(['secretsmanager.search']);
  });

  it('counts an unreadable AWSPREVIOUS without hiding a match elsewhere', async () => {
    smMock.on(ListSecretsCommand).resolves({ SecretList: [entry('a', true, true), entry('b', false, true)] });
    smMock.on(BatchGetSecretValueCommand).resolves({
      SecretValues: [
        { ARN: arn('a'), SecretString: 'x' },
        { ARN: arn('b'), SecretString: 'y' },
      ],
    });
    smMock
      .on(GetSecretValueCommand, { SecretId: arn('a') })
      .rejects(awsError('AccessDeniedException'))
      .on(GetSecretValueCommand, { SecretId: arn('b') })
      .resolves({ ARN: arn('b'), SecretString: leaked });
    const result = await secretsManagerRotator.contain(context());
    expect(result.entries[0]).toMatchObject({ outcome: 'ok', data: { unreadable: 1, matches: 1 } });
    expect(result.entries[0]?.detail).toContain('b as AWSPREVIOUS');
  });

  it('turns a matching secret without rotation into a manual step and does not rotate it', async () => {
    smMock.on(ListSecretsCommand).resolves({ SecretList: [entry('legacy/key', false)] });
    smMock.on(BatchGetSecretValueCommand).resolves({ SecretValues: [{ ARN: arn('legacy/key'), SecretString: leaked }] });
    const result = await secretsManagerRotator.contain(context());
    expect(smMock.commandCalls(RotateSecretCommand)).toHaveLength(0);
    expect(result.entries[1]).toMatchObject({ action: 'secretsmanager.rotate', outcome: 'skipped' });
    expect(result.remainingSteps[0]).toContain('legacy/key');
  });

  it('reports a rotation whose AWSCURRENT never moves as a retryable failure', async () => {
    smMock.on(ListSecretsCommand).resolves({ SecretList: [entry('svc/a', true)] });
    smMock.on(BatchGetSecretValueCommand).resolves({ SecretValues: [{ ARN: arn('svc/a'), SecretString: leaked }] });
    smMock.on(RotateSecretCommand).resolves({});
    smMock.on(DescribeSecretCommand).resolves({ VersionIdsToStages: { 'v1-svc/a': ['AWSCURRENT'] } });
    const ctx = context({ secretsManager: { confirmAttempts: 3 } });
    const result = await secretsManagerRotator.contain(ctx);
    expect(smMock.commandCalls(DescribeSecretCommand)).toHaveLength(3);
    expect(result.entries.at(-1)).toMatchObject({ action: 'secretsmanager.confirm-rotation', outcome: 'failed', retryable: true });
  });

  it('records a value found nowhere as a skipped search, counting unreadable secrets', async () => {
    smMock.on(ListSecretsCommand).resolves({ SecretList: [entry('a', true), entry('b', true)] });
    smMock.on(BatchGetSecretValueCommand).resolves({
      SecretValues: [{ ARN: arn('a'), SecretString: 'nope' }],
      Errors: [{ SecretId: arn('b'), ErrorCode: 'AccessDeniedException' }],
    });
    const result = await secretsManagerRotator.contain(context());
    expect(result.entries).toEqual([expect.objectContaining({ action: 'secretsmanager.search', outcome: 'skipped' })]);
    expect(result.entries[0]?.data).toMatchObject({ searched: 2, unreadable: 1 });
  });

  it('records throttling of the search as a retryable failure instead of throwing', async () => {
    smMock.on(ListSecretsCommand).rejects(awsError('ThrottlingException'));
    const result = await secretsManagerRotator.contain(context());
    expect(result.entries).toEqual([expect.objectContaining({ outcome: 'failed', retryable: true })]);
  });

  it('records AccessDenied on RotateSecret as a failure with a manual step', async () => {
    smMock.on(ListSecretsCommand).resolves({ SecretList: [entry('svc/a', true)] });
    smMock.on(BatchGetSecretValueCommand).resolves({ SecretValues: [{ ARN: arn('svc/a'), SecretString: leaked }] });
    smMock.on(RotateSecretCommand).rejects(awsError('AccessDeniedException'));
    const result = await secretsManagerRotator.contain(context());
    expect(result.entries.at(-1)).toMatchObject({ action: 'secretsmanager.rotate', outcome: 'failed', retryable: false });
    expect(result.remainingSteps.some((s) => s.includes('svc/a'))).toBe(true);
  });
});
