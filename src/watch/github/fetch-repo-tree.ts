/**
 * Hands the text files of one public repository at one ref to the watch: lists the tree
 * recursively (`GET /repos/{o}/{r}/git/trees/{ref}?recursive=1`) and fetches blobs in tree
 * order until the byte budget is spent. Vendored and generated paths are
 * skipped: they are not evidence of our code and they would eat the budget.
 */
import type { Octokit } from '@octokit/rest';
import { ignoreReasonForPath } from '../../fingerprint/is-ignorable-path.js';
import type { SourceContext } from '../sources/types.js';
import { fetchBlob } from './fetch-blob.js';
import { listRepoTree } from './list-repo-tree.js';

export interface TreeFetchResult {
  requests: number;
  candidates: number;
}

export async function fetchRepoTree(ctx: SourceContext, octokit: Octokit, fullName: string, ref: string): Promise<TreeFetchResult> {
  let requests = 1;
  let candidates = 0;
  const tree = await listRepoTree(octokit, fullName, ref);
  // None: deleted or made private again since the event, or an empty repository.
  if (!tree) return { requests, candidates };
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
