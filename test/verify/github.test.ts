import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit } from '../../src/github/create-octokit.js';
import { gitHubVerifier } from '../../src/verify/github/index.js';
import type { VerifyContext } from '../../src/verify/types.js';
import { fakeGitHubToken } from '../helpers/fake-credentials.js';
import { startFakeGitHub } from '../helpers/fake-github.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

let github: FakeGitHub;
let liveToken: string;

function context(token: string): VerifyContext {
  const { log } = createMemoryLogger();
  return {
    secret: { value: token },
    clients: { createGitHubClient: (auth) => createOctokit({ log, auth, baseUrl: github.baseUrl, resilient: false }) },
    options: { canaryAccounts: [] },
    log,
    now: () => new Date('2026-11-28T12:00:00.000Z'),
  };
}

beforeEach(async () => {
  liveToken = fakeGitHubToken();
  github = await startFakeGitHub({ users: { [liveToken]: 'octocat' } });
});
afterEach(async () => {
  await github.close();
});

describe('github verifier', () => {
  it('reports a token GET /user accepts as live, with its login and scopes', async () => {
    const result = await gitHubVerifier.verify(context(liveToken));
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /user']);
    expect(github.requests[0]?.headers.authorization).toBe(`token ${liveToken}`);
    expect(result).toMatchObject({ status: 'live', identity: { login: 'octocat', scopes: 'repo, read:org' } });
    expect(JSON.stringify(result)).not.toContain(liveToken);
  });

  it('reports a token GitHub rejects (401) as invalid', async () => {
    const result = await gitHubVerifier.verify(context(fakeGitHubToken()));
    expect(result.status).toBe('invalid');
  });

  it('reports a rate limit as a retryable error', async () => {
    github.route('GET /user', () => ({ status: 429, body: { message: 'slow down' } }));
    const result = await gitHubVerifier.verify(context(liveToken));
    expect(result).toMatchObject({ status: 'error', retryable: true });
  });
});
