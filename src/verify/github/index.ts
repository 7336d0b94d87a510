/**
 * Verifies a GitHub token with GET /user, which reads the token's own user and nothing else.
 */
import { z } from 'zod';
import { classifyError } from '../../util/classify-error.js';
import { redactValue } from '../../util/redact-value.js';
import { gitHubTokenKind } from '../../github/token-kind.js';
import { resultBuilder } from '../result-builder.js';
import type { VerifyResult } from '../../domain/verification.js';
import type { Verifier, VerifyContext } from '../types.js';

const ID = 'github';
const userSchema = z.object({ login: z.string() });

async function verify(ctx: VerifyContext): Promise<VerifyResult> {
  const result = resultBuilder(ID, ctx);
  const token = ctx.secret.value;
  const shown = redactValue(token);
  if (gitHubTokenKind(token) === undefined) return result('skipped', `The value ${shown} is not a GitHub token.`);
  if (ctx.clients.createGitHubClient === undefined) return result('skipped', 'No GitHub client is configured for verification.');

  try {
    const res = await ctx.clients.createGitHubClient(token).rest.users.getAuthenticated();
    const { login } = userSchema.parse(res.data);
    const scopes = res.headers['x-oauth-scopes'];
    const identity: Record<string, string> = { login };
    if (typeof scopes === 'string') identity.scopes = scopes;
    return result('live', `Token ${shown} is live: it authenticates as ${login}.`, { identity });
  } catch (err) {
    // Only the classification is read: an Octokit RequestError carries the request headers.
    const c = classifyError(err);
    if (c.kind === 'invalid-credential') return result('invalid', `Token ${shown} is rejected by GitHub (${c.code}).`);
    // GitHub answers 403 to exhausted rate limits too, so a 403 is worth another try later.
    const retryable = c.retryable || c.kind === 'access-denied';
    return result('error', `Verifying token ${shown} failed (${c.code}).`, { retryable });
  }
}

export const gitHubVerifier: Verifier = { id: ID, verify };
