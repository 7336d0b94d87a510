import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit } from '../../../src/github/create-octokit.js';
import { gitHubTokenRotator } from '../../../src/respond/rotators/github-token/index.js';
import type { RotatorContext } from '../../../src/respond/rotators/types.js';
import { fakeGitHubToken } from '../../helpers/fake-credentials.js';
import { startFakeGitHub } from '../../helpers/fake-github.js';
import type { FakeGitHub } from '../../helpers/fake-github.js';
import { makeIncident } from '../../helpers/make-incident.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';

const NOW = new Date('2026-11-28T12:00:00.000Z');
let github: FakeGitHub;
let logText: () => string;

function context(token: string): RotatorContext {
  const { log, text } = createMemoryLogger();
  logText = text;
  return {
    incident: makeIncident({ exposure: { ...makeIncident().exposure, ruleId: 'github-pat' } }),
    secret: { value: token },
    clients: { github: createOctokit({ log, baseUrl: github.baseUrl, resilient: false }) },
    options: {},
    log,
    now: () => NOW,
  };
}

beforeEach(async () => {
  github = await startFakeGitHub();
});
afterEach(async () => {
  await github.close();
});

describe('github-token rotator', () => {
  it('posts the token to /credentials/revoke once and records the revocation', async () => {
    const token = fakeGitHubToken();
    const result = await gitHubTokenRotator.contain(context(token));
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /credentials/revoke']);
    expect(github.requests[0]?.body).toEqual({ credentials: [token] });
    expect(github.requests[0]?.headers.authorization).toBeUndefined();
    expect(result.entries).toEqual([expect.objectContaining({ action: 'github.revoke-token', outcome: 'ok', phase: 'containment' })]);
    expect(result.entries[0]?.data).toMatchObject({ kind: 'classic-pat', status: 202 });
    expect(JSON.stringify(result)).not.toContain(token);
  });

  it('does not post the token again on a rerun once the revocation is recorded', async () => {
    const ctx = context(fakeGitHubToken());
    ctx.incident.timeline.push(...(await gitHubTokenRotator.contain(ctx)).entries);
    const second = await gitHubTokenRotator.contain(ctx);
    expect(github.requests).toHaveLength(1);
    expect(second.entries).toEqual([]);
  });

  it('accepts fine-grained tokens', async () => {
    const token = ['github', '_pat_'].join('') + '1'.repeat(22) + '_' + 'a'.repeat(59);
    const result = await gitHubTokenRotator.contain(context(token));
    expect(result.entries[0]).toMatchObject({ outcome: 'ok' });
    expect(result.entries[0]?.data).toMatchObject({ kind: 'fine-grained-pat' });
  });

  it('records a rate-limited revocation as retryable, without the token in the timeline or the log', async () => {
    github.route('POST /credentials/revoke', () => ({ status: 429, body: { message: 'rate limited' } }));
    const token = fakeGitHubToken();
    const result = await gitHubTokenRotator.contain(context(token));
    expect(result.entries[0]).toMatchObject({ outcome: 'failed', retryable: true });
    expect(JSON.stringify(result)).not.toContain(token);
    expect(logText()).not.toContain(token);
  });

  it('records a rejected revocation (422) as a failure needing a person', async () => {
    github.route('POST /credentials/revoke', () => ({ status: 422, body: { message: 'Validation Failed' } }));
    const result = await gitHubTokenRotator.contain(context(fakeGitHubToken()));
    expect(result.entries[0]).toMatchObject({ outcome: 'failed', retryable: false });
    expect(result.remainingSteps.some((s) => s.startsWith('Do by hand'))).toBe(true);
  });

  it('does not send installation tokens, which expire on their own', async () => {
    const result = await gitHubTokenRotator.contain(context(fakeGitHubToken(['gh', 's_'].join(''))));
    expect(github.requests).toEqual([]);
    expect(result.entries[0]).toMatchObject({ outcome: 'skipped' });
  });

  it('does not send values that are not GitHub tokens', async () => {
    const result = await gitHubTokenRotator.contain(context('not-a-token-' + 'x'.repeat(30)));
    expect(github.requests).toEqual([]);
    expect(result.entries[0]).toMatchObject({ outcome: 'skipped' });
  });
});
