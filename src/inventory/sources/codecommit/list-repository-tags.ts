/**
 * The tags of one repository: ListTagsForResource by ARN, following nextToken.
 */
import { ListTagsForResourceCommand } from '@aws-sdk/client-codecommit';
import type { CodeCommitClient } from '@aws-sdk/client-codecommit';
import { z } from 'zod';

const pageSchema = z.object({
  tags: z.record(z.string(), z.string()).optional(),
  nextToken: z.string().min(1).optional(),
});

export async function listRepositoryTags(client: CodeCommitClient, arn: string): Promise<Record<string, string>> {
  const tags: Record<string, string> = {};
  let nextToken: string | undefined;
  do {
    const page = pageSchema.parse(
      await client.send(new ListTagsForResourceCommand({ resourceArn: arn, nextToken })),
    );
    Object.assign(tags, page.tags ?? {});
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return tags;
}
