/**
 * Public source: GitHub code search for our distinctive strings (rare literals, internal
 * hostnames, canary markers). Code search allows 10 requests a minute, so the source has its
 * own limiter and walks the term list a few queries per poll from a stored cursor. A hit only
 * says where to look: the file is fetched through the contents API and matched like any other
 * candidate, never reported on the search result alone.
 */
import { z } from 'zod';
import { createRateLimiter } from '../../../util/create-rate-limiter.js';
import type { RateLimiter } from '../../../util/create-rate-limiter.js';
import { decodeContent, splitFullName } from '../../github/fetch-blob.js';
import { isStatus } from '../../github/is-status.js';
import type { SearchTerm, SourceContext, SourceDeps, SourceReport, WatchSource } from '../types.js';
import { buildCodeSearchQuery } from './build-query.js';

export const SOURCE_ID = 'github-code-search';
const CURSOR_KEY = `${SOURCE_ID}:cursor`;
/** GitHub's code-search limit for an authenticated user. */
export const CODE_SEARCH_PER_MINUTE = 10;

const searchSchema = z.object({
  items: z.array(
    z.object({
      path: z.string(),
      sha: z.string(),
      url: z.string(),
      html_url: z.string(),
      repository: z.object({ full_name: z.string() }),
    }),
  ),
});

const contentSchema = z.object({ type: z.literal('file'), content: z.string(), encoding: z.string(), size: z.number().int().nonnegative() });

export function createGithubCodeSearchSource(deps: SourceDeps = {}): WatchSource {
  const limiter = createRateLimiter({ perSecond: CODE_SEARCH_PER_MINUTE / 60, now: deps.now, sleep: deps.sleep });
  return { id: SOURCE_ID, poll: (ctx) => poll(ctx, limiter, deps.searchTerms?.() ?? []) };
}

async function poll(ctx: SourceContext, limiter: RateLimiter, terms: readonly SearchTerm[]): Promise<SourceReport> {
  if (terms.length === 0) return { requests: 0, candidates: 0, skipped: 'no-terms' };
  let cursor = Number(ctx.state.get(CURSOR_KEY) ?? 0) % terms.length;
  let requests = 0;
  let candidates = 0;
  const queries = Math.min(ctx.settings.codeSearchQueriesPerPoll, terms.length);
  for (let i = 0; i < queries; i++) {
    const term = terms[cursor]!;
    const q = buildCodeSearchQuery(term.value);
    if (q !== undefined) {
      await limiter.acquire();
      requests++;
      const res = await ctx.octokit.request('GET /search/code', { q, per_page: 100 });
      for (const item of searchSchema.parse(res.data).items) {
        const id = `${item.repository.full_name}:${item.path}@${item.sha}`;
        if (ctx.alreadyHandled(id)) continue;
        requests++;
        const content = await fetchContent(ctx, item.repository.full_name, item.path, refOf(item.url));
        if (!content || content.length > ctx.settings.maxFileBytes) continue;
        candidates++;
        await ctx.handle({ id, url: item.html_url, publicLocation: item.repository.full_name, path: item.path, content });
      }
    }
    cursor = (cursor + 1) % terms.length;
    ctx.state.set(CURSOR_KEY, String(cursor));
  }
  return { requests, candidates };
}

async function fetchContent(ctx: SourceContext, fullName: string, path: string, ref: string | undefined): Promise<Buffer | undefined> {
  const [owner, repo] = splitFullName(fullName);
  try {
    const res = await ctx.octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path, ...(ref ? { ref } : {}) });
    const file = contentSchema.safeParse(res.data);
    // Files over 1 MB come back with encoding "none" and no content: too large to match anyway.
    if (!file.success || file.data.encoding === 'none') return undefined;
    return decodeContent(file.data.content, file.data.encoding);
  } catch (err) {
    // The search index lags: the file may be gone or the repository private by now.
    if (isStatus(err, 404)) return undefined;
    throw err;
  }
}

/** The commit a search hit was indexed at, from its contents-API `url` (`...?ref=<sha>`). */
function refOf(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get('ref') ?? undefined;
  } catch {
    return undefined;
  }
}
