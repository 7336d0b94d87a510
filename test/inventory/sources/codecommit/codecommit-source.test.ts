import {
  BatchGetRepositoriesCommand,
  CodeCommitClient,
  ListRepositoriesCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-codecommit';
import type { BatchGetRepositoriesCommandInput } from '@aws-sdk/client-codecommit';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/config/load-config.js';
import { LeakwatchError } from '../../../../src/errors.js';
import { createCodecommitSource } from '../../../../src/inventory/sources/codecommit/index.js';
import { createMemoryLogger } from '../../../helpers/memory-logger.js';

const ACCOUNT = '111122223333';

function repoNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `repo-${String(index).padStart(3, '0')}`);
}

function metadata(region: string, name: string) {
  return {
    repositoryName: name,
    repositoryId: `id-${name}`,
    accountId: ACCOUNT,
    Arn: `arn:aws:codecommit:${region}:${ACCOUNT}:${name}`,
    cloneUrlHttp: `https://git-codecommit.${region}.amazonaws.com/v1/repos/${name}`,
    defaultBranch: 'main',
  };
}

/** A fake CodeCommit region: list pages of `pageSize`, batch gets, and tags by ARN. */
function fakeRegion(region: string, names: string[], tags: Record<string, Record<string, string>>, pageSize = 100) {
  const client = new CodeCommitClient({ region });
  const mock = mockClient(client);
  mock.on(ListRepositoriesCommand).callsFake((input: { nextToken?: string }) => {
    const start = input.nextToken === undefined ? 0 : Number(input.nextToken.replace('page-', ''));
    const end = start + pageSize;
    return {
      repositories: names.slice(start, end).map((repositoryName) => ({ repositoryName, repositoryId: `id-${repositoryName}` })),
      nextToken: end < names.length ? `page-${end}` : undefined,
    };
  });
  mock.on(BatchGetRepositoriesCommand).callsFake((input: BatchGetRepositoriesCommandInput) => {
    if ((input.repositoryNames ?? []).length > 100) throw new Error('MaximumRepositoryNamesExceededException');
    return { repositories: (input.repositoryNames ?? []).map((name) => metadata(region, name)), repositoriesNotFound: [] };
  });
  mock.on(ListTagsForResourceCommand).callsFake((input: { resourceArn: string }) => {
    const name = input.resourceArn.split(':').pop()!;
    return { tags: tags[name] ?? {} };
  });
  return { client, mock };
}

function codecommitConfig(regions: string[], env: NodeJS.ProcessEnv = {}) {
  return parseConfig({ inventory: { codecommit: { enabled: true, regions } } }, env, 'test');
}

describe('codecommit inventory source', () => {
  it('follows nextToken across pages and batch-gets at most 100 names per call', async () => {
    const names = repoNames(250);
    const region = fakeRegion('eu-west-1', names, {}, 70);
    const source = createCodecommitSource(() => region.client);
    const { log } = createMemoryLogger();

    const records = await source.list({ config: codecommitConfig(['eu-west-1']), log, cwd: '/' });

    expect(records.map((record) => record.name)).toEqual(names);
    const listCalls = region.mock.commandCalls(ListRepositoriesCommand);
    expect(listCalls.map((call) => call.args[0].input.nextToken)).toEqual([undefined, 'page-70', 'page-140', 'page-210']);
    const batchSizes = region.mock
      .commandCalls(BatchGetRepositoriesCommand)
      .map((call) => call.args[0].input.repositoryNames?.length);
    expect(batchSizes).toEqual([100, 100, 50]);
    expect(region.mock.commandCalls(ListTagsForResourceCommand)).toHaveLength(250);
    expect(records[0]).toMatchObject({
      id: 'codecommit:eu-west-1:repo-000',
      source: 'codecommit',
      region: 'eu-west-1',
      arn: `arn:aws:codecommit:eu-west-1:${ACCOUNT}:repo-000`,
      cloneUrl: 'https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/repo-000',
      defaultBranch: 'main',
    });
  });

  it('reads owner, team, contacts, SNS topic and classification from the configured tag keys', async () => {
    const topic = `arn:aws:sns:eu-west-1:${ACCOUNT}:payments-security`;
    const region = fakeRegion('eu-west-1', ['payments', 'untagged'], {
      payments: {
        Owner: 'alice@example.com',
        Squad: 'payments',
        OnCall: 'oncall@example.com  lead@example.com',
        Sensitivity: 'Confidential',
        Alerts: topic,
        'cost-center': '42',
      },
    });
    const source = createCodecommitSource(() => region.client);
    const config = codecommitConfig(['eu-west-1'], {
      LEAKWATCH_INVENTORY_CODECOMMIT_TAG_KEYS_OWNER: 'Owner',
      LEAKWATCH_INVENTORY_CODECOMMIT_TAG_KEYS_TEAM: 'Squad',
      LEAKWATCH_INVENTORY_CODECOMMIT_TAG_KEYS_CONTACT: 'OnCall',
      LEAKWATCH_INVENTORY_CODECOMMIT_TAG_KEYS_CLASSIFICATION: 'Sensitivity',
      LEAKWATCH_INVENTORY_CODECOMMIT_TAG_KEYS_SNS_TOPIC: 'Alerts',
    });

    const [payments, untagged] = await source.list({ config, log: createMemoryLogger().log, cwd: '/' });

    expect(payments).toMatchObject({
      owner: { email: 'alice@example.com', team: 'payments' },
      escalationContacts: ['oncall@example.com', 'lead@example.com'],
      classification: 'confidential',
      snsTopicArn: topic,
    });
    expect(payments!.tags['cost-center']).toBe('42');
    expect(untagged!.owner).toEqual({});
    expect(untagged!.classification).toBeUndefined();
  });

  it('drops malformed tag values with a warning instead of trusting them', async () => {
    const region = fakeRegion('eu-west-1', ['odd'], {
      odd: { owner: 'alice', 'data-classification': 'top-secret', 'sns-topic': 'my-topic' },
    });
    const memory = createMemoryLogger();
    const source = createCodecommitSource(() => region.client);

    const [odd] = await source.list({ config: codecommitConfig(['eu-west-1']), log: memory.log, cwd: '/' });

    expect(odd!.owner.email).toBeUndefined();
    expect(odd!.classification).toBeUndefined();
    expect(odd!.snsTopicArn).toBeUndefined();
    const messages = memory.lines().map((line) => line['msg']);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Owner tag is not an e-mail address',
        'Unknown data classification tag',
        'SNS topic tag is not an SNS topic ARN',
      ]),
    );
  });

  it('keeps a repository whose tags cannot be read, without an owner, and logs why', async () => {
    const region = fakeRegion('eu-west-1', ['locked'], {});
    region.mock.on(ListTagsForResourceCommand).rejects(new Error('AccessDeniedException'));
    const memory = createMemoryLogger();

    const records = await createCodecommitSource(() => region.client).list({
      config: codecommitConfig(['eu-west-1']),
      log: memory.log,
      cwd: '/',
    });

    expect(records).toHaveLength(1);
    expect(records[0]!.owner.email).toBeUndefined();
    expect(memory.lines().find((line) => line['msg'] === 'Cannot read repository tags')).toMatchObject({ repo: 'locked' });
  });

  it('lists every configured region with its own client', async () => {
    const regions = {
      'eu-west-1': fakeRegion('eu-west-1', ['shared', 'eu-only'], {}),
      'us-east-1': fakeRegion('us-east-1', ['shared'], {}),
    };
    const source = createCodecommitSource((name) => regions[name as keyof typeof regions].client);

    const records = await source.list({
      config: codecommitConfig(['eu-west-1', 'us-east-1']),
      log: createMemoryLogger().log,
      cwd: '/',
    });

    expect(records.map((record) => record.id)).toEqual([
      'codecommit:eu-west-1:shared',
      'codecommit:eu-west-1:eu-only',
      'codecommit:us-east-1:shared',
    ]);
  });

  it('skips repositories deleted between list and get', async () => {
    const region = fakeRegion('eu-west-1', ['kept', 'gone'], {});
    region.mock.on(BatchGetRepositoriesCommand).resolves({
      repositories: [metadata('eu-west-1', 'kept')],
      repositoriesNotFound: ['gone'],
    });

    const records = await createCodecommitSource(() => region.client).list({
      config: codecommitConfig(['eu-west-1']),
      log: createMemoryLogger().log,
      cwd: '/',
    });

    expect(records.map((record) => record.name)).toEqual(['kept']);
  });

  it('fails with an aws error naming the region when a region cannot be listed', async () => {
    const region = fakeRegion('eu-west-1', [], {});
    region.mock.on(ListRepositoriesCommand).rejects(new Error('UnrecognizedClientException'));

    const listing = createCodecommitSource(() => region.client).list({
      config: codecommitConfig(['eu-west-1']),
      log: createMemoryLogger().log,
      cwd: '/',
    });

    await expect(listing).rejects.toThrow(LeakwatchError);
    await expect(listing).rejects.toThrow(/eu-west-1: UnrecognizedClientException/);
  });

  it('is enabled only when the config enables it', () => {
    const source = createCodecommitSource();
    expect(source.isEnabled(parseConfig({}, {}, 'test'))).toBe(false);
    expect(source.isEnabled(codecommitConfig(['eu-west-1']))).toBe(true);
  });
});
