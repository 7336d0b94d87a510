import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { startDaemon } from '../../src/daemon/start-daemon.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

const NEVER = '0 0 1 1 *';

afterAll(() => removeTempDirs());

describe('repository jobs after a restart', () => {
  it('wait for the first successful inventory refresh: the store holds only redacted clone URLs', async () => {
    const root = tempDir();
    const repo = TestRepo.create();
    repo.commit('one', { 'a.txt': 'a\n' });
    const inventory = join(root, 'inventory.yaml');
    const listing = `repositories:\n  - url: ${repo.dir}\n    name: first\n`;
    writeFileSync(inventory, listing);
    const config = parseConfig(
      {
        dataDir: join(root, 'data'),
        inventory: { staticFile: inventory },
        schedule: { inventoryRefresh: '* * * * * *', mirrorScan: NEVER, watch: NEVER, escalation: NEVER },
        http: { host: '127.0.0.1', port: 0 },
      },
      {},
      'test',
    );
    const before = await startDaemon({ config, log: createMemoryLogger().log, cwd: root });
    await before.queue.idle();
    await before.stop(5000);

    // Restarted with its inventory unreadable: the repository is known only from state.db.
    rmSync(inventory);
    const daemon = await startDaemon({ config, log: createMemoryLogger().log, cwd: root });
    try {
      expect(daemon.queue.waiting()).toEqual(['static:first']);
      expect(daemon.queue.running()).toEqual([]);
      writeFileSync(inventory, listing);
      while (daemon.queue.waiting().length > 0) await new Promise((wake) => setTimeout(wake, 100));
      await daemon.queue.idle();
      expect(daemon.store.getRepository('static:first')?.lastMirrorOk).toBe(true);
    } finally {
      await daemon.stop(5000);
    }
  }, 30_000);
});
