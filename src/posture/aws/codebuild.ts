/** The CodeBuild reads of the posture checks: every project with its environment variables. */
import { BatchGetProjectsCommand, paginateListProjects } from '@aws-sdk/client-codebuild';
import type { CodeBuildClient, Project } from '@aws-sdk/client-codebuild';

export async function listProjectNames(client: CodeBuildClient): Promise<string[]> {
  const names: string[] = [];
  for await (const page of paginateListProjects({ client }, {})) names.push(...(page.projects ?? []));
  return names;
}

/** BatchGetProjects takes up to 100 names a call. */
export async function batchGetProjects(client: CodeBuildClient, names: readonly string[]): Promise<Project[]> {
  const projects: Project[] = [];
  for (let i = 0; i < names.length; i += 100) {
    const out = await client.send(new BatchGetProjectsCommand({ names: names.slice(i, i + 100) }));
    projects.push(...(out.projects ?? []));
  }
  return projects;
}
