/**
 * Reads the files behind a GitHub file, directory or repository URL through the REST API:
 * a file by the contents endpoint (its blob when larger than the 1 MB GitHub inlines), a
 * directory or repository by one recursive tree listing and then blob by blob, in tree order,
 * until the URL's file or byte budget is spent. As when indexing, vendored, generated and
 * binary paths are skipped inside a directory; a file the user named is read whatever its path.
 */
import { z } from 'zod';
import { ignoreReasonForPath } from '../../fingerprint/is-ignorable-path.js';
import { decodeContent, fetchBlob, splitFullName } from '../github/fetch-blob.js';
import { isStatus } from '../github/is-status.js';
import { listRepoTree } from '../github/list-repo-tree.js';
import { tooLarge } from './fetch-http-file.js';
import { notFoundOnGitHub } from './github-url-error.js';
import type { CandidateUrl } from './parse-candidate-url.js';
import { refSplits } from './ref-splits.js';
import type { UrlFetchContext, UrlFile } from './types.js';
import { isBinaryContent } from './is-binary-content.js';

const fileSchema = z.object({
  type: z.string(),
  path: z.string(),
  sha: z.string(),
  size: z.number().int().nonnegative(),
  content: z.string().optional(),
  encoding: z.string().optional(),
});
const repoSchema = z.object({ default_branch: z.string() });

type GitHubUrl = Extract<CandidateUrl, { fullName: string }>;

export async function* fetchGitHubUrlFiles(ctx: UrlFetchContext, target: GitHubUrl): AsyncGenerator<UrlFile> {
  if (target.kind === 'github-file') {
    yield* fetchFile(ctx, target);
  } else if (target.kind === 'github-tree') {
    yield* fetchTree(ctx, target, refSplits(target.segments, true));
  } else {
    const { octokit } = await ctx.github();
    const [owner, repo] = splitFullName(target.fullName);
    const res = await octokit.request('GET /repos/{owner}/{repo}', { owner, repo });
    yield* fetchTree(ctx, target, [{ ref: repoSchema.parse(res.data).default_branch, path: '' }]);
  }
}

async function* fetchFile(ctx: UrlFetchContext, target: GitHubUrl & { segments: string[] }): AsyncGenerator<UrlFile> {
  const { octokit, authenticated } = await ctx.github();
  const [owner, repo] = splitFullName(target.fullName);
  for (const { ref, path } of refSplits(target.segments, false)) {
    let data: unknown;
    try {
      data = (await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path, ref })).data;
    } catch (err) {
      if (isStatus(err, 404)) continue;
      throw err;
    }
    // A /blob/ URL of a directory: GitHub's web UI redirects it to /tree/, so do the same.
    if (Array.isArray(data)) {
      yield* fetchTree(ctx, target, [{ ref, path }]);
      return;
    }
    const file = fileSchema.parse(data);
    if (file.type !== 'file') throw notFoundOnGitHub(target.url, authenticated);
    if (file.size > ctx.limits.maxBytes) throw tooLarge(target.url, ctx.limits.maxBytes);
    if (ignoreReasonForPath(file.path) === 'binary') {
      ctx.notice(`${target.url}: skipped, a binary file`);
      return;
    }
    const inline = file.encoding !== undefined && file.encoding !== 'none' && file.content !== undefined && (file.content !== '' || file.size === 0);
    const content = inline ? decodeContent(file.content!, file.encoding!) : await fetchBlob(octokit, target.fullName, file.sha);
    if (isBinaryContent(content)) {
      ctx.notice(`${target.url}: skipped, a binary file`);
      return;
    }
    yield { name: target.url, content };
    return;
  }
  throw notFoundOnGitHub(target.url, authenticated);
}

async function* fetchTree(ctx: UrlFetchContext, target: GitHubUrl, splits: Array<{ ref: string; path: string }>): AsyncGenerator<UrlFile> {
  const { octokit, authenticated } = await ctx.github();
  for (const { ref, path } of splits) {
    const tree = await listRepoTree(octokit, target.fullName, ref);
    const prefix = path === '' ? '' : `${path}/`;
    const entries = tree?.tree.filter((e) => e.type === 'blob' && e.path.startsWith(prefix) && ignoreReasonForPath(e.path) === null);
    if (!tree || !entries || (entries.length === 0 && !tree.tree.some((e) => e.path === path || e.path.startsWith(prefix)))) continue;
    if (tree.truncated) ctx.notice(`${target.url}: GitHub listed only part of this repository's tree; pass a /tree/ URL of a subdirectory to match the rest`);
    let budget = ctx.limits.maxBytes;
    let fetched = 0;
    for (const entry of entries) {
      const size = entry.size ?? 0;
      if (fetched >= ctx.limits.maxFiles || size > budget) continue;
      budget -= size;
      fetched++;
      const content = await fetchBlob(octokit, target.fullName, entry.sha);
      if (isBinaryContent(content)) continue;
      yield { name: `${ctx.webUrl}/${target.fullName}/blob/${encodeURIComponent(ref)}/${entry.path}`, content };
    }
    if (fetched === 0 && entries.length > 0) throw tooLarge(target.url, ctx.limits.maxBytes);
    if (fetched < entries.length) {
      ctx.notice(`${target.url}: matched ${fetched} of ${entries.length} files (limits: ${ctx.limits.maxFiles} files, ${ctx.limits.maxBytes} bytes); raise --max-url-files or --max-url-bytes to match more`);
    }
    return;
  }
  throw notFoundOnGitHub(target.url, authenticated);
}
