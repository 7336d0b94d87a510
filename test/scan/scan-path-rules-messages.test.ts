import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { runScan } from '../../src/scan/run-scan.js';
import { TestRepo, removeTempDirs } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

/** A random password of letters and digits, made at run time. */
const password = (): string => `${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}7Q`;

describe('rules written for one kind of file, in a history scan', () => {
  it('report a .properties line with a space at its path, but not the same shape in a commit message', async () => {
    const repo = TestRepo.create();
    repo.commit('secret removed', { 'README.md': 'app\n' });
    repo.commit(`db.password ${password()}`, { 'conf/db.properties': `db.password ${password()}\n` });
    const report = await runScan({ target: repo.dir, stateDir: null, workers: 1 });
    expect(report.findings.map((f) => `${f.ruleId} ${f.path ?? '(message)'}`)).toEqual(['generic-properties-space-separator conf/db.properties']);
  });

  it('still report a message under rules that only leave some files out', async () => {
    const repo = TestRepo.create();
    repo.commit(`deploy with api_key=${password()}`, { 'README.md': 'app\n' });
    const report = await runScan({ target: repo.dir, stateDir: null, workers: 1 });
    expect(report.findings.map((f) => `${f.ruleId} ${f.path ?? '(message)'}`)).toEqual(['generic-secret-assignment (message)']);
  });
});
