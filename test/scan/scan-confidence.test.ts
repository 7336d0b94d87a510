/**
 * Confidence through a whole scan of a real repository: the path's context lowers a finding, a
 * finding takes its most exposed place's level, a directory scan agrees with a history scan,
 * and a rerun from the state gives the same levels.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScan } from '../../src/scan/run-scan.js';
import { openScanStore } from '../../src/store/open-store.js';
import type { Finding } from '../../src/domain/finding.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { awsSecretKey, githubToken, pemPrivateKey } from '../helpers/tokens.js';

afterAll(removeTempDirs);

function planted(): { repo: TestRepo; values: Record<string, string> } {
  const repo = TestRepo.create();
  const values = {
    generic: awsSecretKey().replace(/[+/]/g, 'x'),
    genericTwice: awsSecretKey().replace(/[+/]/g, 'y'),
    token: githubToken(),
    fixtureToken: githubToken(),
    key: pemPrivateKey(),
    fixtureKey: pemPrivateKey(),
  };
  repo.commit('code', {
    'src/db.py': `password = "${values.generic}"\n`,
    'src/gh.ts': `export const token = '${values.token}';\n`,
    'deploy/id_rsa': `${values.key}\n`,
  });
  repo.commit('tests', {
    'test/fixtures/db.yml': `password: "${values.generic.split('').reverse().join('')}"\n`,
    'test/fixtures/client.json': `{"token": "${values.fixtureToken}"}\n`,
    'test/fixtures/server.key': `${values.fixtureKey}\n`,
    'docs/setup.md': `    api_secret = "${values.genericTwice}"\n`,
  });
  // The same generic secret, later also in ordinary code: its most exposed place counts.
  repo.commit('moved', { 'config/app.ini': `api_secret = "${values.genericTwice}"\n` });
  return { repo, values };
}

const levels = (findings: Finding[]): Record<string, string> =>
  Object.fromEntries(findings.map((f) => [`${f.ruleId} ${f.path}`, f.confidence]));

describe('confidence in a scan', () => {
  it('lowers by the path, takes the highest level among places, and survives a rerun from the state', async () => {
    const { repo } = planted();
    const state = tempDir();
    const first = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 });
    expect(levels(first.findings)).toEqual({
      // A random value under a password name: high from the value classifier, low in a test.
      'generic-secret-assignment src/db.py': 'high',
      'generic-secret-assignment test/fixtures/db.yml': 'low',
      'generic-secret-assignment docs/setup.md': 'high',
      'github-pat-classic src/gh.ts': 'high',
      'github-pat-classic test/fixtures/client.json': 'medium',
      'private-key-rsa deploy/id_rsa': 'high',
      'private-key-rsa test/fixtures/server.key': 'low',
    });
    const twice = first.findings.find((f) => f.path === 'docs/setup.md')!;
    expect(twice.locations.map((l) => l.path)).toEqual(['docs/setup.md', 'config/app.ini']);
    const again = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 });
    expect(again.stats.blobs).toBe(0);
    expect(again.findings).toEqual(first.findings);
  });

  it('a plain-directory scan of the same files gives the same levels', async () => {
    const { repo } = planted();
    const history = await runScan({ target: repo.dir, stateDir: null, workers: 1 });
    rmSync(join(repo.dir, '.git'), { recursive: true, force: true });
    const directory = await runScan({ target: repo.dir, stateDir: null, workers: 1 });
    const byId = (findings: Finding[]): Record<string, string> => Object.fromEntries(findings.map((f) => [f.id, f.confidence]));
    expect(directory.stats.commits).toBe(0);
    expect(byId(directory.findings)).toEqual(byId(history.findings));
  });
});
