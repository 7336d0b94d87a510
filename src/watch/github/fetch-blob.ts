/**
 * Reads one file's bytes by blob sha through the git data API (`GET /repos/{o}/{r}/git/blobs/{sha}`),
 * which serves any blob of a public repository whatever branch or commit holds it.
 */
import type { Octokit } from '@octokit/rest';
import { z } from 'zod';

const blobSchema = z.object({
  content: z.string(),
  encoding: z.string(),
  size: z.number().int().nonnegative(),
});

export async function fetchBlob(octokit: Octokit, fullName: string, sha: string): Promise<Buffer> {
  const [owner, repo] = splitFullName(fullName);
  const res = await octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { owner, repo, file_sha: sha });
  const blob = blobSchema.parse(res.data);
  return decodeContent(blob.content, blob.encoding);
}

export function decodeContent(content: string, encoding: string): Buffer {
  return encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
}

export function splitFullName(fullName: string): [owner: string, repo: string] {
  const slash = fullName.indexOf('/');
  return [fullName.slice(0, slash), fullName.slice(slash + 1)];
}
