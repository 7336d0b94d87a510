/**
 * URL candidates for `leakwatch match`: checks a URL up front (so a typo fails before any
 * indexing), then fetches its files, GitHub ones through the REST API with the same
 * configuration as the watch (`github.apiUrl`, `github.webUrl`, token from config, env or
 * Secrets Manager), any other through plain fetch. Retry and throttling are off: a command a
 * person waits on should say "rate limited" at once rather than sleep until the limit resets.
 */
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { loadConfig } from '../../config/load-config.js';
import { LeakwatchError } from '../../errors.js';
import { createOctokit } from '../../github/create-octokit.js';
import { createLogger } from '../../logger.js';
import type { Logger } from '../../logger.js';
import { createSecretStringReader } from '../get-secret-string.js';
import { resolveGitHubToken } from '../resolve-github-token.js';
import { displayUrl } from './display-url.js';
import { fetchGistFiles } from './fetch-gist-files.js';
import { fetchGitHubUrlFiles } from './fetch-github-url-files.js';
import { fetchHttpFile } from './fetch-http-file.js';
import { githubUrlError } from './github-url-error.js';
import { isBinaryContent } from './is-binary-content.js';
import { parseCandidateUrl } from './parse-candidate-url.js';
import type { GitHubClient, UrlFetchContext, UrlFile, UrlLimits } from './types.js';

export interface UrlCandidateReaderOptions {
  limits: UrlLimits;
  /** The `--config` flag; else LEAKWATCH_CONFIG, else config/default.yaml. */
  configPath?: string;
  env?: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
  log?: Logger;
  notice(text: string): void;
}

export interface UrlCandidateReader {
  /** Throws a usage error for a URL that cannot be a candidate. */
  check(url: string): void;
  read(url: string): AsyncGenerator<UrlFile>;
}

export function createUrlCandidateReader(options: UrlCandidateReaderOptions): UrlCandidateReader {
  const env = options.env ?? process.env;
  const plainFetch = options.fetch ?? fetch;
  let loaded: { webUrl: string; apiUrl: string; token?: string; secretId?: string } | undefined;
  let client: Promise<GitHubClient> | undefined;

  const config = (): NonNullable<typeof loaded> => {
    if (!loaded) {
      const { github } = loadConfig({ configPath: options.configPath, env }).config;
      loaded = { webUrl: github.webUrl.replace(/\/+$/, ''), apiUrl: github.apiUrl, token: github.token, secretId: github.tokenSecretId };
    }
    return loaded;
  };

  const github = (): Promise<GitHubClient> => {
    client ??= (async () => {
      const { apiUrl, token: configToken, secretId } = config();
      const getSecret = secretId ? createSecretStringReader(new SecretsManagerClient({})) : undefined;
      const token = await resolveGitHubToken({ configToken, env, secretId, getSecret });
      const timeoutMs = options.limits.timeoutMs;
      const timedFetch: typeof fetch = (input, init) => plainFetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });
      // Octokit logs every 404 as an error, and ref guesses are expected to 404: quiet unless asked.
      const log = options.log ?? createLogger({ level: env.LEAKWATCH_LOG_LEVEL ?? 'silent' });
      const octokit = createOctokit({ log, auth: token, baseUrl: apiUrl, fetch: timedFetch, resilient: false });
      return { octokit, authenticated: token !== undefined };
    })();
    return client;
  };

  const context = (): UrlFetchContext => ({ limits: options.limits, webUrl: config().webUrl, github, fetch: plainFetch, notice: options.notice });

  return {
    check: (url) => void parseCandidateUrl(url, config().webUrl),
    read: async function* (url) {
      const target = parseCandidateUrl(url, config().webUrl);
      if (target.kind === 'http') {
        const file = await fetchHttpFile(target.url, { fetch: plainFetch, maxBytes: options.limits.maxBytes, timeoutMs: options.limits.timeoutMs });
        if (file.kind === 'binary' || isBinaryContent(file.content)) {
          options.notice(`${displayUrl(url)}: skipped, not text${file.kind === 'binary' ? ` (${file.mediaType})` : ''}`);
          return;
        }
        yield { name: displayUrl(url), content: file.content };
        return;
      }
      try {
        if (target.kind === 'gist') yield* fetchGistFiles(context(), target);
        else yield* fetchGitHubUrlFiles(context(), target);
      } catch (err) {
        throw githubUrlError(target.url, err, (await client?.catch(() => undefined))?.authenticated ?? false);
      }
    },
  };
}

/** The `--max-url-files` and `--max-url-bytes` options, checked. */
export function parseUrlLimits(options: { maxUrlFiles?: string; maxUrlBytes?: string }, defaults: UrlLimits): UrlLimits {
  return {
    ...defaults,
    maxFiles: positiveInteger('--max-url-files', options.maxUrlFiles, defaults.maxFiles),
    maxBytes: positiveInteger('--max-url-bytes', options.maxUrlBytes, defaults.maxBytes),
  };
}

function positiveInteger(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new LeakwatchError('usage', `${flag} must be a positive whole number, got ${value}`);
  return n;
}
