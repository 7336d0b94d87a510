/**
 * The one way leakwatch builds an Octokit: @octokit/rest with the retry and throttling plugins
 * (on by default, off for tests), an injectable base URL and fetch, and Octokit's own log routed
 * to pino so nothing goes to the console.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { Logger } from '../logger.js';

export interface CreateOctokitOptions {
  log: Logger;
  auth?: string;
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Retry and rate-limit handling; turned off in tests so failures surface at once. */
  resilient?: boolean;
  userAgent?: string;
}

const ResilientOctokit = Octokit.plugin(retry, throttling);

export function createOctokit(options: CreateOctokitOptions): Octokit {
  const { log } = options;
  const resilient = options.resilient ?? true;
  return new ResilientOctokit({
    auth: options.auth,
    baseUrl: options.baseUrl,
    userAgent: options.userAgent ?? 'leakwatch',
    request: options.fetch === undefined ? undefined : { fetch: options.fetch },
    // Octokit passes plain strings; a token never appears in them (auth goes in a header).
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string) => log.warn({ detail: message }, 'GitHub client warning'),
      error: (message: string) => log.error({ detail: message }, 'GitHub client error'),
    },
    // 429 is GitHub's secondary rate limit: left to the throttling plugin, which waits the
    // `retry-after` GitHub asks for instead of the retry plugin's fixed backoff.
    retry: { enabled: resilient, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      enabled: resilient,
      onRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => {
        log.warn({ retryAfter, retryCount }, 'GitHub rate limit reached');
        return retryCount < 2;
      },
      onSecondaryRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => {
        log.warn({ retryAfter, retryCount }, 'GitHub secondary rate limit reached');
        return retryCount < 1;
      },
    },
  });
}
