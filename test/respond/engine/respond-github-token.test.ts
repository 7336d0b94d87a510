import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit } from '../../../src/github/create-octokit.js';
import { respondToFindings } from '../../../src/respond/respond-to-findings.js';
import { startFakeGitHub } from '../../helpers/fake-github.js';
import type { FakeGitHub } from '../../helpers/fake-github.js';
import { removeTempDirs } from '../../helpers/git-repo.js';
import { githubToken } from '../../helpers/tokens.js';
import { dumpDatabase, makeEngine, makeFixture, scanFindings } from '../../helpers/incident-fixture.js';

const NOW = new Date('2026-11-28T12:00:00.000Z');
let github: FakeGitHub;

afterAll(removeTempDirs);
beforeEach(async () => {
  github = await startFakeGitHub();
});
afterEach(async () => {
  await github.close();
});

describe('respondToFindings with a GitHub token (auto policy for github)', () => {
  it('revokes the token once through POST /credentials/revoke, with the value read again from the repository', async () => {
    const f = await makeFixture({ policies: { github: 'auto' } });
    // With a valid checksum, as the scanner's validator requires.
    const token = githubToken();
    f.repo.commit('ci token', { '.github/ci.env': `GITHUB_TOKEN=${token}\n` });
    const engine = makeEngine(f, null, () => NOW);
    engine.deps.notifierDeps = {};
    engine.deps.clients.github = createOctokit({ log: engine.logs.log, baseUrl: github.baseUrl, resilient: false });
    const input = { findings: await scanFindings(f), repository: f.repository, gitDir: `${f.repo.dir}/.git` };
    await respondToFindings(engine.deps, input);
    await respondToFindings(engine.deps, input);

    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /credentials/revoke']);
    expect(github.requests[0]?.body).toEqual({ credentials: [token] });
    const incident = engine.store.list().find((r) => r.ruleFamily === 'github')!;
    expect(incident.status).toBe('contained');
    expect(incident.timeline.map((e) => `${e.action}:${e.outcome}`)).toContain('github.revoke-token:ok');
    expect([dumpDatabase(f.dbFile), engine.logs.text()].join('\n')).not.toContain(token);
    engine.store.close();
  });
});
