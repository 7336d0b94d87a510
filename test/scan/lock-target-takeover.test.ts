import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockTarget } from '../../src/scan/lock-target.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

/** A lock left by a scan killed with -9: it names a process that has exited. */
function deadLock(stateDir: string, key: string): void {
  const pid = spawnSync(process.execPath, ['-e', '']).pid!;
  mkdirSync(join(stateDir, 'locks'), { recursive: true });
  writeFileSync(join(stateDir, 'locks', `${createHash('sha256').update(key).digest('hex').slice(0, 16)}.lock`), `${pid}\n`);
}

describe('taking over a dead scan lock', () => {
  it('two scans that find the same dead lock at once: exactly one takes it over', async () => {
    const state = tempDir();
    deadLock(state, 'repo');
    let second: Promise<unknown> | null = null;
    // The first scan has seen the dead lock; the second takes it over before the first acts.
    const first = lockTarget(state, 'repo', 'repo', {
      waitMs: 0,
      beforeTakeover: () => {
        second ??= lockTarget(state, 'repo', 'repo', { waitMs: 0 });
      },
    });
    const outcomes = await Promise.allSettled([first, second!]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/another scan of repo .* still holds/);
    // The winner's lock is in place and nothing else is left behind.
    expect(readdirSync(join(state, 'locks'))).toHaveLength(1);
  });
});
