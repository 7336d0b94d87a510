/**
 * Shapes shared by the URL candidates of `leakwatch match`: a fetched file, the limits that
 * bound the work one URL may cause, and what every fetcher is handed.
 */
import type { Octokit } from '@octokit/rest';

export interface UrlFile {
  /** What the output names as the candidate: the URL, a file's html URL, or `URL#file`. */
  readonly name: string;
  readonly content: Buffer;
}

export interface UrlLimits {
  /** Files fetched from one URL (a repository, directory or gist). */
  maxFiles: number;
  /** Bytes fetched from one URL; a single file larger than this is an error. */
  maxBytes: number;
  /** Per HTTP request. */
  timeoutMs: number;
}

export const DEFAULT_URL_LIMITS: UrlLimits = { maxFiles: 500, maxBytes: 16 * 1024 * 1024, timeoutMs: 30_000 };

export interface GitHubClient {
  octokit: Octokit;
  /** Whether a token was found; error messages suggest one when not. */
  authenticated: boolean;
}

export interface UrlFetchContext {
  limits: UrlLimits;
  /** Base of html links to files (`https://github.com` or a GitHub Enterprise host). */
  webUrl: string;
  /** Built on first use: only GitHub URLs need the config, the token and a client. */
  github(): Promise<GitHubClient>;
  /** Plain fetch, never carrying the GitHub token. */
  fetch: typeof fetch;
  /** A one-line remark for the user (limits reached, a binary skipped). */
  notice(text: string): void;
}
