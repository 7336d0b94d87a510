/**
 * POST /credentials/revoke: GitHub's public credential revocation endpoint. It needs no
 * authentication, revokes the token and tells its owner. The Octokit error is reduced to its
 * status here because a RequestError carries the request body, i.e. the token.
 */
import type { Octokit } from '@octokit/rest';

export type RevokeOutcome = { ok: true; status: number } | { ok: false; status: number; rateLimited: boolean };

interface RequestErrorShape {
  status?: unknown;
  response?: { headers?: Record<string, string | number | undefined> };
}

export async function revokeToken(github: Octokit, token: string): Promise<RevokeOutcome> {
  try {
    const res = await github.rest.credentials.revoke({ credentials: [token] });
    return { ok: true, status: res.status };
  } catch (err) {
    const shape = (typeof err === 'object' && err !== null ? err : {}) as RequestErrorShape;
    const status = typeof shape.status === 'number' ? shape.status : 0;
    const remaining = shape.response?.headers?.['x-ratelimit-remaining'];
    return { ok: false, status, rateLimited: status === 429 || (status === 403 && String(remaining) === '0') };
  }
}
