/**
 * Repository metadata for many names: BatchGetRepositories in batches of at most 100 (the API
 * limit). A repository deleted between listing and getting is skipped, not an error.
 */
import { BatchGetRepositoriesCommand } from '@aws-sdk/client-codecommit';
import type { CodeCommitClient } from '@aws-sdk/client-codecommit';
import { z } from 'zod';
import type { Logger } from '../../../logger.js';

export const BATCH_GET_LIMIT = 100;

const metadataSchema = z.object({
  repositoryName: z.string().min(1),
  repositoryId: z.string().optional(),
  Arn: z.string().min(1),
  cloneUrlHttp: z.string().min(1),
  defaultBranch: z.string().optional(),
  accountId: z.string().optional(),
});

const outputSchema = z.object({
  repositories: z.array(metadataSchema).optional(),
  repositoriesNotFound: z.array(z.string()).optional(),
  errors: z
    .array(z.object({ repositoryName: z.string().optional(), errorCode: z.string().optional() }))
    .optional(),
});

export type RepositoryMetadata = z.infer<typeof metadataSchema>;

export async function getRepositories(
  client: CodeCommitClient,
  names: readonly string[],
  log: Logger,
): Promise<RepositoryMetadata[]> {
  const found: RepositoryMetadata[] = [];
  for (let start = 0; start < names.length; start += BATCH_GET_LIMIT) {
    const batch = names.slice(start, start + BATCH_GET_LIMIT);
    const output = outputSchema.parse(
      await client.send(new BatchGetRepositoriesCommand({ repositoryNames: batch })),
    );
    found.push(...(output.repositories ?? []));
    for (const name of output.repositoriesNotFound ?? []) {
      log.debug({ repo: name }, 'Repository vanished between list and get');
    }
    for (const error of output.errors ?? []) {
      log.warn({ repo: error.repositoryName, errorCode: error.errorCode }, 'Repository metadata unavailable');
    }
  }
  return found;
}
