import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { githubToken } from '../helpers/tokens.js';

afterAll(removeTempDirs);

interface Report {
  stats: { blobs: number; commits: number };
  findings: { ruleId: string; path: string; commit: string }[];
}

describe('leakwatch scan <clone URL>', () => {
  // GIT_CONFIG_GLOBAL (set by the test environment, as by .ci/run), EDITOR and PAGER are
  // the kind of environment simple-git refuses unless told it is trusted.
  const env = { EDITOR: 'vi', PAGER: 'less' };

  it('mirrors the remote into the state folder, then fetches and scans only what is new', () => {
    const remote = TestRepo.create();
    const first = githubToken();
    const introduced = remote.commit('ci token', { 'ci.env': `GITHUB_TOKEN=${first}\n` });
    const url = pathToFileURL(remote.dir).href;
    const state = tempDir();

    const cloned = runCli(['scan', url, '--format', 'json', '--state', state, '--no-progress'], env);
    expect(cloned.stderr).toBe('');
    expect(cloned.code).toBe(1);
    const one = JSON.parse(cloned.stdout) as Report;
    expect(one.findings).toMatchObject([{ ruleId: 'github-pat-classic', path: 'ci.env', commit: introduced }]);
    expect(readdirSync(join(state, 'mirrors'))).toHaveLength(1);

    remote.commit('another', { 'deploy.env': `TOKEN=${githubToken()}\n` });
    const fetched = JSON.parse(runCli(['scan', url, '--format', 'json', '--state', state, '--no-progress'], env).stdout) as Report;
    expect(fetched.stats).toMatchObject({ commits: 1, blobs: 1 });
    expect(fetched.findings.map((f) => f.path).sort()).toEqual(['ci.env', 'deploy.env']);
    expect(readdirSync(join(state, 'mirrors'))).toHaveLength(1);
  });
});
