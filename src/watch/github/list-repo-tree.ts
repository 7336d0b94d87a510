/**
 * Lists the whole tree of one repository at one ref (`GET /repos/{o}/{r}/git/trees/{ref}?recursive=1`),
 * validated. Shared by the watch (repositories made public, forks) and by URL candidates of
 * `leakwatch match`. Null when GitHub has no such tree: 404 (no repository or ref, or private)
 * or 409 (an empty repository).
 */
import type { Octokit } from '@octokit/rest';
import { z } from 'zod';
import { splitFullName } from './fetch-blob.js';
import { isStatus } from './is-status.js';

const treeSchema = z.object({
  sha: z.string(),
  truncated: z.boolean().optional(),
  tree: z.array(z.object({ path: z.string(), type: z.string(), sha: z.string(), size: z.number().int().nonnegative().optional() })),
});

export type RepoTree = z.infer<typeof treeSchema>;
export type RepoTreeEntry = RepoTree['tree'][number];

export async function listRepoTree(octokit: Octokit, fullName: string, ref: string): Promise<RepoTree | null> {
  const [owner, repo] = splitFullName(fullName);
  try {
    const res = await octokit.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { owner, repo, tree_sha: ref, recursive: '1' });
    return treeSchema.parse(res.data);
  } catch (err) {
    if (isStatus(err, 404, 409)) return null;
    throw err;
  }
}
