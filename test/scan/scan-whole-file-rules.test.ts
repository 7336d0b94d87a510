import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { runScan } from '../../src/scan/run-scan.js';
import { TestRepo, removeTempDirs } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

/** 32 hex characters, the shape of a Rails master key, made at run time. */
const hexKey = (): string => randomBytes(16).toString('hex');

describe('whole-file rules in a history scan (a Rails master.key)', () => {
  it('report the key file at its path, and neither a commit message nor another file of the same shape', async () => {
    const repo = TestRepo.create();
    repo.commit(hexKey(), { 'README.md': 'app\n' });
    repo.commit('keys', { 'config/master.key': `${hexKey()}\n`, 'notes/checksum.txt': `${hexKey()}\n` });
    const report = await runScan({ target: repo.dir, stateDir: null, workers: 1 });
    expect(report.findings.map((f) => `${f.ruleId} ${f.path ?? '(message)'}`)).toEqual(['rails-master-key-file config/master.key']);
  });
});
