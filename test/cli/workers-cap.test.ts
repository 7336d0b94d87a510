import { availableParallelism } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

afterAll(removeTempDirs);

const max = 2 * availableParallelism();

function folder(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.txt'), 'nothing here\n');
  return dir;
}

describe('worker thread count is capped at two per core', () => {
  it('--workers above the cap is a one-line usage error (exit 2)', () => {
    const r = runCli(['scan', folder(), '--no-state', '--workers', String(max + 1)]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`--workers takes a whole number from 1 to ${max} (two per core), not "${max + 1}"`);
  });

  it('LEAKWATCH_WORKERS above the cap (or not a number) is refused the same way', () => {
    for (const value of ['400', 'many']) {
      const r = runCli(['scan', folder(), '--no-state'], { LEAKWATCH_WORKERS: value });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`LEAKWATCH_WORKERS takes a whole number from 1 to ${max}`);
    }
  });

  it('the cap itself is accepted', () => {
    const r = runCli(['scan', folder(), '--no-state', '--workers', String(max)], { LEAKWATCH_WORKERS: String(max) });
    expect(r.code).toBe(0);
  });
});
