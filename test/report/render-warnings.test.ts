import { afterAll, describe, expect, it } from 'vitest';
import { emptyStats } from '../../src/domain/finding.js';
import type { ScanReport } from '../../src/domain/finding.js';
import { renderWarnings } from '../../src/report/render-warnings.js';
import { TestRepo, removeTempDirs } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

afterAll(removeTempDirs);

function report(skipped: Partial<ScanReport['stats']['skipped']>): ScanReport {
  const stats = emptyStats();
  return { version: 1, tool: 'leakwatch', target: 'repo', rulesetHash: 'x', stats: { ...stats, skipped: { ...stats.skipped, ...skipped } }, findings: [] };
}

describe('stderr says what a scan did not read, whatever the report format', () => {
  it('names blobs over the size limit and texts cut short by the time limit', () => {
    expect(renderWarnings(report({}))).toEqual([]);
    const lines = renderWarnings(report({ tooLarge: 2, partial: 1 }));
    expect(lines).toContain('warning: 2 blobs larger than --max-blob-bytes were not scanned (raise --max-blob-bytes to read them)');
    expect(lines.some((l) => l.startsWith('warning: 1 text hit the matching time limit and was only partly matched'))).toBe(true);
  });

  it('a JSON scan that skipped a blob over --max-blob-bytes says so on stderr', () => {
    const repo = TestRepo.create();
    repo.commit('big', { 'big.txt': 'x'.repeat(5000), 'small.txt': 'nothing here\n' });
    const r = runCli(['scan', repo.dir, '--no-state', '--format', 'json', '--max-blob-bytes', '1000']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stats.skipped.tooLarge).toBe(1);
    expect(r.stderr).toContain('1 blob larger than --max-blob-bytes was not scanned');
  });
});
