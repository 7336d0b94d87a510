/**
 * Public source: public gists (`GET /gists/public?since=`), paged up to a limit, each file's
 * raw text fetched from its `raw_url`. The `since` cursor moves to the newest `updated_at`
 * seen once the pages are handled; an edited gist comes back with a new `updated_at` and is
 * matched again, an unchanged one is not.
 */
import { z } from 'zod';
import { nextPageUrl } from '../../github/next-page-url.js';
import type { SourceContext, SourceReport, WatchSource } from '../types.js';

export const SOURCE_ID = 'github-gists';
const SINCE_KEY = `${SOURCE_ID}:since`;

const gistSchema = z.object({
  id: z.string(),
  html_url: z.string(),
  updated_at: z.string(),
  files: z.record(
    z.string(),
    z.object({ filename: z.string().optional(), raw_url: z.string(), size: z.number().int().nonnegative().optional() }),
  ),
});
type Gist = z.infer<typeof gistSchema>;

export function createGithubGistsSource(): WatchSource {
  return { id: SOURCE_ID, poll };
}

async function poll(ctx: SourceContext): Promise<SourceReport> {
  const since = ctx.state.get(SINCE_KEY);
  const first = await ctx.octokit.request('GET /gists/public', { per_page: 100, ...(since ? { since } : {}) });
  let requests = 1;
  const gists = z.array(gistSchema).parse(first.data);
  let next = nextPageUrl(first.headers.link);
  for (let page = 1; next && page < ctx.settings.gistPages; page++) {
    const res = await ctx.octokit.request({ method: 'GET', url: next });
    requests++;
    gists.push(...z.array(gistSchema).parse(res.data));
    next = nextPageUrl(res.headers.link);
  }
  let candidates = 0;
  let newest = since;
  for (const gist of gists) {
    const done = await handleGist(ctx, gist);
    requests += done.requests;
    candidates += done.candidates;
    if (newest === undefined || Date.parse(gist.updated_at) > Date.parse(newest)) newest = gist.updated_at;
  }
  if (newest !== undefined) ctx.state.set(SINCE_KEY, newest);
  return { requests, candidates };
}

async function handleGist(ctx: SourceContext, gist: Gist): Promise<{ requests: number; candidates: number }> {
  let requests = 0;
  let candidates = 0;
  for (const [name, file] of Object.entries(gist.files)) {
    const id = `gist:${gist.id}:${name}@${gist.updated_at}`;
    if (ctx.alreadyHandled(id) || (file.size ?? 0) > ctx.settings.maxFileBytes) continue;
    requests++;
    // Raw URLs live outside the API host: plain fetch, without our token.
    const res = await ctx.fetch(file.raw_url);
    if (!res.ok) {
      ctx.log.info({ gist: gist.id, status: res.status }, 'Gist file could not be fetched');
      continue;
    }
    const content = Buffer.from(await res.arrayBuffer());
    if (content.length > ctx.settings.maxFileBytes) continue;
    candidates++;
    await ctx.handle({ id, url: gist.html_url, publicLocation: `gist:${gist.id}`, path: file.filename ?? name, content });
  }
  return { requests, candidates };
}
