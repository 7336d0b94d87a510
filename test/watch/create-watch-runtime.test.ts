import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import type { LeakwatchConfig } from '../../src/config/config-types.js';
import { createWatchRuntime } from '../../src/watch/create-watch-runtime.js';
import { fakeAccessKeyId, fakeGitHubToken } from '../helpers/fake-credentials.js';
import { startFakePublicGitHub } from '../helpers/fake-github-public.js';
import type { FakePublicGitHub } from '../helpers/fake-github-public.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

let github: FakePublicGitHub;
beforeEach(async () => {
  github = await startFakePublicGitHub();
});
afterEach(async () => {
  await github.close();
});

function config(raw: Record<string, unknown>): LeakwatchConfig {
  return configSchema.parse(raw) as LeakwatchConfig;
}

describe('createWatchRuntime', () => {
  it('builds the sources and settings from the config and sends the token to the API', async () => {
    const token = fakeGitHubToken();
    const runtime = await createWatchRuntime({
      config: config({ github: { apiUrl: github.baseUrl }, watch: { orgs: ['acme'], projectNames: ['billing-api'] } }),
      log: createMemoryLogger().log,
      env: { GITHUB_TOKEN: token },
      resilient: false,
    });
    expect(runtime.sources.map((s) => s.id)).toEqual(['github-events', 'github-code-search', 'github-gists', 'aws-canary-keys', 'aws-guardduty', 'aws-cloudtrail-code-stores']);
    expect(runtime.settings).toMatchObject({ orgs: ['acme'], projectNames: ['billing-api'], webUrl: 'https://github.com', codeSearchQueriesPerPoll: 10, emailProbesPerPoll: 30 });
    await runtime.octokit.request('GET /events');
    expect(github.requests[0]!.headers.authorization).toBe(`token ${token}`);
  });

  it('drops code search, with a warning, when there is no token', async () => {
    const logger = createMemoryLogger();
    const runtime = await createWatchRuntime({ config: config({}), log: logger.log, env: {} });
    expect(runtime.authenticated).toBe(false);
    expect(runtime.sources.map((s) => s.id)).toEqual(['github-events', 'github-gists', 'aws-canary-keys', 'aws-guardduty', 'aws-cloudtrail-code-stores']);
    expect(logger.text()).toContain('code search disabled');
    // Anonymous requests do not stretch to looking up strangers' commit e-mails.
    expect(runtime.settings.emailProbesPerPoll).toBe(0);
  });

  it('hands the configured canary keys and CloudTrail regions to the sources', async () => {
    const keyId = fakeAccessKeyId();
    const runtime = await createWatchRuntime({
      config: config({ canary: { awsKeys: [{ repository: 'payments-api', accessKeyId: keyId }], cloudtrailRegions: ['eu-west-1'] } }),
      log: createMemoryLogger().log,
      env: {},
    });
    expect(runtime.settings.canaryKeys).toEqual([{ repository: 'payments-api', accessKeyId: keyId }]);
    expect(runtime.settings.canaryRegions).toEqual(['eu-west-1']);
  });

  it('refuses an unknown source with a message that lists the known ones', async () => {
    await expect(createWatchRuntime({ config: config({ watch: { sources: ['pastebin'] } }), log: createMemoryLogger().log, env: {} })).rejects.toThrow(
      /watch.sources: unknown source pastebin; use github-events, github-code-search, github-gists, aws-canary-keys/,
    );
  });
});
