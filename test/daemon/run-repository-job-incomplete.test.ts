import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { mirrorDir } from '../../src/daemon/run-repository-job.js';
import { startDaemon } from '../../src/daemon/start-daemon.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { githubToken } from '../helpers/tokens.js';

const NEVER = '0 0 1 1 *';

afterAll(() => removeTempDirs());

describe('the repository job and an incomplete mirror', () => {
  it('logs and counts a partial-clone mirror instead of calling it clean', async () => {
    const root = tempDir();
    const repo = TestRepo.create();
    repo.git('config', 'uploadpack.allowFilter', 'true');
    repo.commit('one', { 'ci.sh': `export GITHUB_TOKEN=${githubToken()}\n` });
    writeFileSync(join(root, 'inventory.yaml'), `repositories:\n  - url: ${repo.dir}\n    name: demo\n`);
    // A mirror left blobless (say, by an operator's --filter clone): the job fetches into it.
    const dataDir = join(root, 'data');
    repo.git('clone', '-q', '--mirror', '--filter=blob:none', `file://${repo.dir}`, mirrorDir(dataDir, 'static:demo'));
    const config = parseConfig(
      {
        dataDir,
        inventory: { staticFile: join(root, 'inventory.yaml') },
        schedule: { inventoryRefresh: NEVER, mirrorScan: NEVER, watch: NEVER, escalation: NEVER },
        http: { host: '127.0.0.1', port: 0 },
      },
      {},
      'test',
    );
    const memory = createMemoryLogger('info');
    const daemon = await startDaemon({ config, log: memory.log, cwd: root });
    try {
      await daemon.queue.idle();
      const warning = memory.lines().find((l) => l['msg'] === 'Mirror is incomplete; what it lacks was not scanned');
      expect(warning).toMatchObject({ repository: 'static:demo', reasons: ['partial-clone', 'missing-objects'], missing: 1 });
      expect(memory.lines().find((l) => l['msg'] === 'Repository job finished')).toMatchObject({ outcome: 'incomplete', findings: 0 });
      expect(await daemon.metrics.registry.metrics()).toContain('leakwatch_errors_total{kind="incomplete"} 1');
    } finally {
      await daemon.stop(5000);
    }
  }, 60_000);
});
