import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit } from '../../src/github/create-octokit.js';
import { fakeGitHubToken } from '../helpers/fake-credentials.js';
import { startFakeGitHub } from '../helpers/fake-github.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

let github: FakeGitHub;
beforeEach(async () => {
  github = await startFakeGitHub();
});
afterEach(async () => {
  await github.close();
});

describe('createOctokit', () => {
  it('sends requests through an injected fetch', async () => {
    const seen: string[] = [];
    const octokit = createOctokit({
      log: createMemoryLogger().log,
      baseUrl: github.baseUrl,
      resilient: false,
      fetch: async (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    await octokit.rest.credentials.revoke({ credentials: [fakeGitHubToken()] });
    expect(seen).toEqual([`${github.baseUrl}/credentials/revoke`]);
  });

  it('with retries off, surfaces a server error after one request', async () => {
    github.route('GET /user', () => ({ status: 502, body: { message: 'bad gateway' } }));
    const octokit = createOctokit({ log: createMemoryLogger().log, baseUrl: github.baseUrl, resilient: false, auth: fakeGitHubToken() });
    await expect(octokit.rest.users.getAuthenticated()).rejects.toMatchObject({ status: 502 });
    expect(github.requests).toHaveLength(1);
  });

  it('builds with the retry and throttling plugins on by default', async () => {
    const token = fakeGitHubToken();
    await github.close();
    github = await startFakeGitHub({ users: { [token]: 'octocat' } });
    const octokit = createOctokit({ log: createMemoryLogger().log, baseUrl: github.baseUrl, auth: token });
    const res = await octokit.rest.users.getAuthenticated();
    expect(res.data.login).toBe('octocat');
    expect(github.requests[0]?.headers['user-agent']).toMatch(/^leakwatch/);
  });
});
