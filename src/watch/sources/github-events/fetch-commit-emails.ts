/**
 * The author and committer e-mails of one commit (`GET /repos/{o}/{r}/commits/{ref}`): what
 * tells whether a new branch pushed by a stranger was committed by one of our people. A commit
 * or repository gone since the event yields no e-mail.
 */
import { z } from 'zod';
import { splitFullName } from '../../github/fetch-blob.js';
import { isStatus } from '../../github/is-status.js';
import type { SourceContext } from '../types.js';
import { commitEmailsSchema } from './event-schema.js';

const commitSchema = z.object({ commit: commitEmailsSchema });

export async function fetchCommitEmails(ctx: SourceContext, fullName: string, ref: string): Promise<string[]> {
  const [owner, repo] = splitFullName(fullName);
  try {
    const res = await ctx.octokit.request('GET /repos/{owner}/{repo}/commits/{ref}', { owner, repo, ref });
    const { commit } = commitSchema.parse(res.data);
    return [commit.author?.email, commit.committer?.email].filter((e): e is string => typeof e === 'string');
  } catch (err) {
    if (isStatus(err, 404) || isStatus(err, 422)) return [];
    throw err;
  }
}
