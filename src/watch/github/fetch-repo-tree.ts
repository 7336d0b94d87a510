/**
 * Hands the text files of one public repository at one ref to the watch: lists the tree
 * recursively (`GET /repos/{o}/{r}/git/trees/{ref}?recursive=1`) and fetches blobs in tree
 * order until the byte budget is spent. Vendored and generated paths are
 * skipped: they are not evidence of our code and they would eat the budget.
 */
import type { Octokit } from '@octokit/rest';
import { z } from 'zod';
import { ignoreReasonForPath } from '../../fingerprint/is-ignorable-path.js';
import type { SourceContext } from '../sources/types.js';
import { fetchBlob, splitFullName } from './fetch-blob.js';
import { isStatus } from './is-status.js';

const treeSchema = z.object({
  sha: z.string(),
  truncated: z.boolean().optional(),
  tree: z.array(z.object({ path: z.string(), type: z.string(), sha: z.string(), size: z.number().int().nonnegative().optional() })),
});

export interface TreeFetchResult {
  requests: number;
  candidates: number;
}

export async function fetchRepoTree(ctx: SourceContext, octokit: Octokit, fullName: string, ref: string): Promise<TreeFetchResult> {
  const [owner, repo] = splitFullName(fullName);
  let requests = 1;
  let candidates = 0;
  let tree;
  try {
    const res = await octokit.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { owner, repo, tree_sha: ref, recursive: '1' });
    tree = treeSchema.parse(res.data);
  } catch (err) {
    // 404: deleted or made private again since the event; 409: an empty repository.
    if (isStatus(err, 404, 409)) return { requests, candidates };
    throw err;
  }
  if (tree.truncated) ctx.log.info({ repository: fullName }, 'Public repository tree truncated by GitHub; matching what was listed');
  let budget = ctx.settings.repoByteBudget;
  for (const entry of tree.tree) {
    if (entry.type !== 'blob' || ignoreReasonForPath(entry.path)) continue;
    const size = entry.size ?? 0;
    if (size > ctx.settings.maxFileBytes || size > budget) continue;
    const id = `${fullName}:${entry.path}@${entry.sha}`;
    if (ctx.alreadyHandled(id)) continue;
    budget -= size;
    requests++;
    const content = await fetchBlob(octokit, fullName, entry.sha);
    candidates++;
    await ctx.handle({
      id,
      url: `${ctx.settings.webUrl}/${fullName}/blob/${encodeURIComponent(ref)}/${entry.path}`,
      publicLocation: fullName,
      path: entry.path,
      content,
    });
  }
  return { requests, candidates };
}
