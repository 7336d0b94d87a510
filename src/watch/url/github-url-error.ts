/**
 * Turns a failed GitHub API call for a URL candidate into a one-line LeakwatchError that names
 * the URL and says what to do. The Octokit error's own message is not reused: it may carry
 * request details, and the user needs the remedy rather than the transport.
 */
import { ZodError } from 'zod';
import { LeakwatchError } from '../../errors.js';
import { errorHeader, isStatus } from '../github/is-status.js';

export function githubUrlError(shown: string, err: unknown, authenticated: boolean): LeakwatchError {
  if (err instanceof LeakwatchError) return err;
  if (err instanceof ZodError) return new LeakwatchError('github', `${shown}: GitHub answered in an unexpected shape; check github.apiUrl`, { cause: err });
  const noToken = authenticated ? '' : '; set LEAKWATCH_GITHUB_TOKEN (or GITHUB_TOKEN) for 5,000 requests an hour';
  if (isStatus(err, 429) || (isStatus(err, 403) && (errorHeader(err, 'x-ratelimit-remaining') === '0' || errorHeader(err, 'retry-after') !== undefined))) {
    const reset = Number(errorHeader(err, 'x-ratelimit-reset'));
    const when = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : '';
    return new LeakwatchError('github', `${shown}: GitHub rate limit reached${when}; try again later or lower --max-url-files${noToken}`, { cause: err });
  }
  if (isStatus(err, 401)) return new LeakwatchError('github', `${shown}: GitHub rejected the token (401); check LEAKWATCH_GITHUB_TOKEN or GITHUB_TOKEN`, { cause: err });
  if (isStatus(err, 403)) return new LeakwatchError('github', `${shown}: GitHub refused access (403)${authenticated ? '; check what the token may read' : noToken}`, { cause: err });
  if (isStatus(err, 404)) return notFoundOnGitHub(shown, authenticated);
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status === 'number') return new LeakwatchError('github', `${shown}: GitHub answered HTTP ${status}; try again later`, { cause: err });
  return new LeakwatchError('github', `${shown}: cannot reach the GitHub API; check the network and github.apiUrl (LEAKWATCH_GITHUB_API_URL)`, { cause: err });
}

export function notFoundOnGitHub(shown: string, authenticated: boolean): LeakwatchError {
  const hint = authenticated ? 'check the owner, repository, branch and path' : 'check the owner, repository, branch and path; a private repository needs LEAKWATCH_GITHUB_TOKEN';
  return new LeakwatchError('github', `${shown}: not found on GitHub (404), or empty; ${hint}`);
}
