/**
 * Inventory source: CodeCommit repositories in the configured regions, with owner and
 * classification read from their tags. Uses the default AWS credential chain.
 */
import { CodeCommitClient } from '@aws-sdk/client-codecommit';
import { LeakwatchError } from '../../../errors.js';
import type { InventoryRecord, InventorySource, InventorySourceContext } from '../../types.js';
import { getRepositories } from './get-repositories.js';
import { listRepositoryNames } from './list-repository-names.js';
import { listRepositoryTags } from './list-repository-tags.js';
import { tagsToRecord } from './tags-to-record.js';

export type CodecommitClientFactory = (region: string) => CodeCommitClient;

const TAG_CONCURRENCY = 5;

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function listRegion(region: string, client: CodeCommitClient, context: InventorySourceContext) {
  const { log } = context;
  const tagKeys = context.config.inventory.codecommit.tagKeys;
  const names = await listRepositoryNames(client);
  const repositories = await getRepositories(client, names, log);
  return mapLimited(repositories, TAG_CONCURRENCY, async (metadata): Promise<InventoryRecord> => {
    let tags: Record<string, string> = {};
    try {
      tags = await listRepositoryTags(client, metadata.Arn);
    } catch (err) {
      // Without tags the repository is still watched; it is reported as having no owner.
      log.warn({ repo: metadata.repositoryName, region, err }, 'Cannot read repository tags');
    }
    return {
      id: `codecommit:${region}:${metadata.repositoryName}`,
      name: metadata.repositoryName,
      source: 'codecommit',
      cloneUrl: metadata.cloneUrlHttp,
      region,
      arn: metadata.Arn,
      defaultBranch: metadata.defaultBranch,
      tags,
      ...tagsToRecord(tags, tagKeys, log, metadata.repositoryName),
    };
  });
}

export function createCodecommitSource(
  createClient: CodecommitClientFactory = (region) => new CodeCommitClient({ region }),
): InventorySource {
  return {
    id: 'codecommit',
    precedence: 10,
    isEnabled: (config) => config.inventory.codecommit.enabled,
    async list(context) {
      const records: InventoryRecord[] = [];
      for (const region of context.config.inventory.codecommit.regions) {
        const client = createClient(region);
        try {
          records.push(...(await listRegion(region, client, context)));
        } catch (err) {
          // A region that cannot be listed must not look like a region with no repositories.
          throw new LeakwatchError(
            'aws',
            `Cannot list CodeCommit repositories in ${region}: ${(err as Error).message}. Check the credentials and the codecommit:ListRepositories, BatchGetRepositories and ListTagsForResource permissions.`,
            { cause: err },
          );
        } finally {
          client.destroy();
        }
      }
      return records;
    },
  };
}

export const codecommitSource = createCodecommitSource();
