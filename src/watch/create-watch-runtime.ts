/**
 * Builds what a watch cycle needs from the configuration: the token (config, env, or Secrets
 * Manager), the Octokit with retry and throttling, the settings, and the enabled sources,
 * created once so the code-search limiter spans cycles. Code search is dropped, with a
 * warning, when there is no token: GitHub refuses it anonymously.
 */
import type { Octokit } from '@octokit/rest';
import type { LeakwatchConfig } from '../config/config-types.js';
import { LeakwatchError } from '../errors.js';
import { createOctokit } from '../github/create-octokit.js';
import type { Logger } from '../logger.js';
import { resolveGitHubToken } from './resolve-github-token.js';
import { createWatchSources, watchSources } from './sources/api.js';
import { SOURCE_ID as CODE_SEARCH } from './sources/github-code-search/index.js';
import type { SourceDeps, WatchSource } from './sources/types.js';
import { parseWatchSettings } from './watch-settings.js';
import type { WatchSettings } from './watch-settings.js';

export interface WatchRuntime {
  octokit: Octokit;
  settings: WatchSettings;
  sources: WatchSource[];
  authenticated: boolean;
}

export interface CreateWatchRuntimeOptions extends SourceDeps {
  config: Pick<LeakwatchConfig, 'github' | 'watch'> & Partial<Pick<LeakwatchConfig, 'canary' | 'indicators'>>;
  log: Logger;
  env?: NodeJS.ProcessEnv;
  getSecret?: (secretId: string) => Promise<string | undefined>;
  fetch?: typeof fetch;
  /** Retry and throttling; on unless a test turns them off. */
  resilient?: boolean;
}

export async function createWatchRuntime(options: CreateWatchRuntimeOptions): Promise<WatchRuntime> {
  const { config, log } = options;
  const unknown = config.watch.sources.filter((id) => !watchSources.has(id));
  if (unknown.length > 0) {
    throw new LeakwatchError('config', `watch.sources: unknown source ${unknown.join(', ')}; use ${[...watchSources.keys()].join(', ')}`);
  }
  const token = await resolveGitHubToken({
    configToken: config.github.token,
    env: options.env,
    secretId: config.github.tokenSecretId,
    getSecret: options.getSecret,
  });
  let ids = config.watch.sources;
  if (token === undefined && ids.includes(CODE_SEARCH)) {
    log.warn({ source: CODE_SEARCH }, 'No GitHub token: code search disabled (set LEAKWATCH_GITHUB_TOKEN)');
    ids = ids.filter((id) => id !== CODE_SEARCH);
  }
  const octokit = createOctokit({ log, auth: token, baseUrl: config.github.apiUrl, fetch: options.fetch, resilient: options.resilient });
  const settings = parseWatchSettings({
    orgs: config.watch.orgs,
    users: config.watch.users,
    emailDomains: config.watch.emailDomains,
    projectNames: config.watch.projectNames,
    webUrl: config.github.webUrl,
    maxFileBytes: config.watch.maxFileBytes,
    repoByteBudget: config.watch.repoByteBudget,
    codeSearchQueriesPerPoll: config.watch.codeSearchQueriesPerPoll,
    // Anonymous requests (60 an hour) do not stretch to looking up strangers' commits.
    emailProbesPerPoll: token === undefined ? 0 : config.watch.emailProbesPerPoll,
    canaryKeys: config.canary?.awsKeys ?? [],
    canaryRegions: config.canary?.cloudtrailRegions ?? ['us-east-1'],
    guardduty: config.indicators?.guardduty ?? false,
    cloudtrailCodeStores: config.indicators?.cloudtrail ?? false,
    indicatorRegions: config.indicators?.regions ?? ['us-east-1'],
  });
  return { octokit, settings, sources: createWatchSources(options, ids), authenticated: token !== undefined };
}
