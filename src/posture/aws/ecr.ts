/** The ECR reads of the posture checks: repositories and their repository policies. */
import { GetRepositoryPolicyCommand, paginateDescribeRepositories } from '@aws-sdk/client-ecr';
import type { ECRClient, Repository } from '@aws-sdk/client-ecr';

export async function describeRepositories(client: ECRClient): Promise<Repository[]> {
  const repositories: Repository[] = [];
  for await (const page of paginateDescribeRepositories({ client }, {})) repositories.push(...(page.repositories ?? []));
  return repositories;
}

/** The repository policy text, or undefined when the repository has none. */
export async function getRepositoryPolicy(client: ECRClient, repositoryName: string): Promise<string | undefined> {
  try {
    const out = await client.send(new GetRepositoryPolicyCommand({ repositoryName }));
    return out.policyText;
  } catch (err) {
    if ((err as Error).name === 'RepositoryPolicyNotFoundException') return undefined;
    throw err;
  }
}
