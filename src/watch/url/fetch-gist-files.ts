/**
 * Reads the files of one gist (`GET /gists/{id}`, newest revision). GitHub inlines each file's
 * text up to about 1 MB and marks larger ones `truncated`; those are read whole from their
 * `raw_url` with plain fetch (no token goes to that host). Files are named `URL#filename`.
 */
import { z } from 'zod';
import { ignoreReasonForPath } from '../../fingerprint/is-ignorable-path.js';
import { isStatus } from '../github/is-status.js';
import { fetchHttpFile, tooLarge } from './fetch-http-file.js';
import { notFoundOnGitHub } from './github-url-error.js';
import { isBinaryContent } from './is-binary-content.js';
import type { CandidateUrl } from './parse-candidate-url.js';
import type { UrlFetchContext, UrlFile } from './types.js';

const gistSchema = z.object({
  id: z.string(),
  files: z.record(
    z.string(),
    z.object({
      filename: z.string().optional(),
      size: z.number().int().nonnegative().optional(),
      raw_url: z.string(),
      truncated: z.boolean().optional(),
      content: z.string().optional(),
    }),
  ),
});

export async function* fetchGistFiles(ctx: UrlFetchContext, target: Extract<CandidateUrl, { kind: 'gist' }>): AsyncGenerator<UrlFile> {
  const { octokit, authenticated } = await ctx.github();
  let data: unknown;
  try {
    data = (await octokit.request('GET /gists/{gist_id}', { gist_id: target.id })).data;
  } catch (err) {
    if (isStatus(err, 404)) throw notFoundOnGitHub(target.url, authenticated);
    throw err;
  }
  const files = Object.entries(gistSchema.parse(data).files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let budget = ctx.limits.maxBytes;
  let fetched = 0;
  let textFiles = 0;
  for (const [key, file] of files) {
    const name = file.filename ?? key;
    const size = file.size ?? 0;
    if (ignoreReasonForPath(name) === 'binary') continue;
    textFiles++;
    if (fetched >= ctx.limits.maxFiles || size > budget) continue;
    budget -= size;
    fetched++;
    let content: Buffer;
    if (file.content !== undefined && !file.truncated) {
      content = Buffer.from(file.content, 'utf8');
    } else {
      const raw = await fetchHttpFile(file.raw_url, { fetch: ctx.fetch, maxBytes: ctx.limits.maxBytes, timeoutMs: ctx.limits.timeoutMs });
      if (raw.kind === 'binary') continue;
      content = raw.content;
    }
    if (isBinaryContent(content)) continue;
    yield { name: `${target.url}#${name}`, content };
  }
  if (fetched === 0 && textFiles > 0) throw tooLarge(target.url, ctx.limits.maxBytes);
  if (fetched < files.length) {
    ctx.notice(`${target.url}: matched ${fetched} of ${files.length} files (binaries skipped; limits: ${ctx.limits.maxFiles} files, ${ctx.limits.maxBytes} bytes)`);
  }
}
