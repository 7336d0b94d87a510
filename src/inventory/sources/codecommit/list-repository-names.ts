/**
 * Every repository name in one region: ListRepositories, following nextToken to the last page.
 */
import { ListRepositoriesCommand } from '@aws-sdk/client-codecommit';
import type { CodeCommitClient } from '@aws-sdk/client-codecommit';
import { z } from 'zod';

const pageSchema = z.object({
  repositories: z.array(z.object({ repositoryName: z.string().min(1) })).optional(),
  nextToken: z.string().min(1).optional(),
});

export async function listRepositoryNames(client: CodeCommitClient): Promise<string[]> {
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = pageSchema.parse(await client.send(new ListRepositoriesCommand({ nextToken })));
    for (const repository of page.repositories ?? []) names.push(repository.repositoryName);
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return names;
}
