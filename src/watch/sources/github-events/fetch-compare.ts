/**
 * What a push changed: `GET /repos/{o}/{r}/compare/{before}...{head}` (push payloads no longer
 * list commits or files), then each added or modified file's blob, up to the byte budget. For
 * a probed push (by someone outside the perimeter) the files are fetched only when one of the
 * compared commits has an author or committer e-mail in our domains.
 */
import { z } from 'zod';
import { fetchBlob, splitFullName } from '../../github/fetch-blob.js';
import { isStatus } from '../../github/is-status.js';
import type { SourceContext } from '../types.js';
import { anyOurEmail } from './email-domain.js';
import { commitEmailsSchema } from './event-schema.js';

const compareSchema = z.object({
  commits: z.array(z.object({ commit: commitEmailsSchema })).default([]),
  files: z
    .array(z.object({ filename: z.string(), status: z.string(), sha: z.string().nullable().optional() }))
    .default([]),
});

export interface CompareFetchResult {
  requests: number;
  candidates: number;
}

export async function fetchCompare(ctx: SourceContext, fullName: string, before: string, head: string, probe = false): Promise<CompareFetchResult> {
  const [owner, repo] = splitFullName(fullName);
  let requests = 1;
  let candidates = 0;
  let files;
  try {
    const res = await ctx.octokit.request('GET /repos/{owner}/{repo}/compare/{basehead}', { owner, repo, basehead: `${before}...${head}` });
    const compared = compareSchema.parse(res.data);
    if (probe && !anyOurEmail(compared.commits.flatMap((c) => [c.commit.author?.email, c.commit.committer?.email]), ctx.settings.emailDomains)) {
      return { requests, candidates };
    }
    files = compared.files;
  } catch (err) {
    // 404: the repository or a commit is gone (force-push, deletion) since the event.
    if (isStatus(err, 404)) return { requests, candidates };
    throw err;
  }
  let budget = ctx.settings.repoByteBudget;
  for (const file of files) {
    if (file.status === 'removed' || !file.sha) continue;
    const id = `${fullName}:${file.filename}@${file.sha}`;
    if (ctx.alreadyHandled(id)) continue;
    requests++;
    const content = await fetchBlob(ctx.octokit, fullName, file.sha);
    if (content.length > ctx.settings.maxFileBytes || content.length > budget) continue;
    budget -= content.length;
    candidates++;
    await ctx.handle({
      id,
      url: `${ctx.settings.webUrl}/${fullName}/blob/${head}/${file.filename}`,
      publicLocation: fullName,
      path: file.filename,
      content,
    });
  }
  return { requests, candidates };
}
