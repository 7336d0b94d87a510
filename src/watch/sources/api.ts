/** The registry of public sources: one entry per folder under `sources/`. */
import { createAwsCanaryKeysSource } from './aws-canary-keys/index.js';
import { createAwsCloudTrailCodeStoresSource } from './aws-cloudtrail-code-stores/index.js';
import { createAwsGuardDutySource } from './aws-guardduty/index.js';
import { createGithubCodeSearchSource } from './github-code-search/index.js';
import { createGithubEventsSource } from './github-events/index.js';
import { createGithubGistsSource } from './github-gists/index.js';
import type { SourceDeps, WatchSource, WatchSourceFactory } from './types.js';

export const watchSources: ReadonlyMap<string, WatchSourceFactory> = new Map<string, WatchSourceFactory>([
  ['github-events', () => createGithubEventsSource()],
  ['github-code-search', (deps) => createGithubCodeSearchSource(deps)],
  ['github-gists', () => createGithubGistsSource()],
  ['aws-canary-keys', (deps) => createAwsCanaryKeysSource(deps)],
  ['aws-guardduty', (deps) => createAwsGuardDutySource(deps)],
  ['aws-cloudtrail-code-stores', (deps) => createAwsCloudTrailCodeStoresSource(deps)],
]);

/** One instance of each source (or of the named ones), to be reused across polls. */
export function createWatchSources(deps: SourceDeps = {}, ids?: readonly string[]): WatchSource[] {
  const wanted = ids ?? [...watchSources.keys()];
  return wanted.map((id) => {
    const factory = watchSources.get(id);
    if (!factory) throw new RangeError(`Unknown public source ${id}`);
    return factory(deps);
  });
}
