import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mirrorRepository } from '../../src/git/mirror-repository.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';

afterAll(() => removeTempDirs());

describe('mirrorRepository', () => {
  it('removes a half-done clone left by a process that died, but not one of a live process', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.txt': 'a\n' });
    const root = tempDir();
    const dir = join(root, 'mirrors', 'demo.git');
    const deadPid = spawnSync('true').pid!;
    const dead = `${dir}.partial-${deadPid}`;
    const live = `${dir}.partial-${process.ppid}`;
    mkdirSync(dead, { recursive: true });
    mkdirSync(live, { recursive: true });

    expect(await mirrorRepository(repo.dir, dir)).toBe('cloned');

    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(await mirrorRepository(repo.dir, dir)).toBe('fetched');
  });
});
