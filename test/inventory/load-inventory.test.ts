import {
  BatchGetRepositoriesCommand,
  CodeCommitClient,
  ListRepositoriesCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-codecommit';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load-config.js';
import { loadInventory } from '../../src/inventory/load-inventory.js';
import { inventorySources } from '../../src/inventory/sources/api.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

const repoRoot = resolve(import.meta.dirname, '../..');

describe('loadInventory', () => {
  const codecommit = mockClient(CodeCommitClient);
  afterEach(() => codecommit.reset());

  it('merges CodeCommit and the static file, the file overriding tags, and warns about unmatched entries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakwatch-load-inventory-'));
    mkdirSync(join(dir, 'repos', 'tool.git'), { recursive: true });
    writeFileSync(
      join(dir, 'inventory.yaml'),
      [
        'repositories:',
        '  - path: repos/*.git',
        '    owner: tools@example.com',
        '  - name: api',
        '    classification: restricted',
        '  - name: retired',
        '    owner: gone@example.com',
      ].join('\n'),
    );
    codecommit.on(ListRepositoriesCommand).resolves({ repositories: [{ repositoryName: 'api' }, { repositoryName: 'orphan' }] });
    codecommit.on(BatchGetRepositoriesCommand).callsFake((input: { repositoryNames: string[] }) => ({
      repositories: input.repositoryNames.map((name) => ({
        repositoryName: name,
        Arn: `arn:aws:codecommit:eu-west-1:111122223333:${name}`,
        cloneUrlHttp: `https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/${name}`,
      })),
    }));
    codecommit
      .on(ListTagsForResourceCommand, { resourceArn: 'arn:aws:codecommit:eu-west-1:111122223333:api' })
      .resolves({ tags: { owner: 'api@example.com', 'data-classification': 'internal' } })
      .on(ListTagsForResourceCommand, { resourceArn: 'arn:aws:codecommit:eu-west-1:111122223333:orphan' })
      .resolves({ tags: {} });
    const config = parseConfig(
      { inventory: { staticFile: 'inventory.yaml', codecommit: { enabled: true, regions: ['eu-west-1'] } } },
      {},
      'test',
    );
    const memory = createMemoryLogger();

    const { repositories, unmatched } = await loadInventory({ config, log: memory.log, cwd: dir });

    expect(repositories.map((repo) => [repo.id, repo.owner.email, repo.classification, repo.ownerMissing])).toEqual([
      ['codecommit:eu-west-1:api', 'api@example.com', 'restricted', false],
      ['codecommit:eu-west-1:orphan', undefined, 'internal', true],
      ['static:tool', 'tools@example.com', 'internal', false],
    ]);
    expect(unmatched.map((record) => record.name)).toEqual(['retired']);
    expect(memory.lines().find((line) => line['msg'] === 'Inventory entry matches no repository')).toMatchObject({ repo: 'retired' });
  });

  it('runs the shipped default config with no AWS call at all', async () => {
    const { config } = loadConfig({ cwd: repoRoot, env: {} });
    const { repositories } = await loadInventory({ config, log: createMemoryLogger().log, cwd: repoRoot, sources: inventorySources });
    expect(Array.isArray(repositories)).toBe(true);
    expect(codecommit.calls()).toHaveLength(0);
  });
});
