import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load-config.js';
import { startDaemon } from '../../src/daemon/start-daemon.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { githubToken } from '../helpers/tokens.js';

const NEVER = '0 0 1 1 *';

afterAll(() => removeTempDirs());

describe('startDaemon (in process)', () => {
  it('isolates a broken repository: it is retried, recorded as failed and counted, while the others are scanned', async () => {
    const root = tempDir();
    const good = TestRepo.create();
    good.commit('token', { 'ci.sh': `export GITHUB_TOKEN=${githubToken()}\n` });
    writeFileSync(
      join(root, 'inventory.yaml'),
      [
        'repositories:',
        `  - url: ${join(root, 'does-not-exist.git')}`,
        '    name: broken',
        `  - url: ${good.dir}`,
        '    name: good',
        '',
      ].join('\n'),
    );
    const config = parseConfig(
      {
        dataDir: join(root, 'data'),
        inventory: { staticFile: join(root, 'inventory.yaml'), defaultOwner: 'security@example.test' },
        mirror: { concurrency: 2, retries: 2, backoffSeconds: 0 },
        schedule: { inventoryRefresh: NEVER, mirrorScan: NEVER, watch: NEVER, escalation: NEVER },
        http: { host: '127.0.0.1', port: 0 },
      },
      {},
      'test',
    );
    const memory = createMemoryLogger('debug');
    const daemon = await startDaemon({ config, log: memory.log, cwd: root });
    try {
      await daemon.queue.idle();
      const broken = daemon.store.getRepository('static:broken')!;
      const ok = daemon.store.getRepository('static:good')!;
      expect(broken).toMatchObject({ lastMirrorOk: false, lastMirrorOkAt: null });
      expect(broken.lastMirrorError).toMatch(/cannot clone/);
      expect(ok.lastMirrorOk).toBe(true);
      expect(daemon.store.listFindings('static:good').map((f) => f.finding.ruleId)).toEqual([expect.stringMatching(/github/)]);
      expect(memory.lines().filter((l) => l['msg'] === 'Mirror failed; retrying' && l['repository'] === 'static:broken')).toHaveLength(2);
      const failed = memory.lines().find((l) => l['msg'] === 'Repository job failed');
      expect(failed).toMatchObject({ repository: 'static:broken', outcome: 'error', stage: 'mirror' });
      const metrics = await daemon.metrics.registry.metrics();
      expect(metrics).toContain('leakwatch_errors_total{kind="mirror"} 1');
      expect(metrics).toContain('leakwatch_scans_total{outcome="ok"} 1');
      expect(metrics).toContain('leakwatch_repositories 2');
    } finally {
      await daemon.stop(5000);
    }
  }, 60_000);

  it('scans only what is new after a fetch: a second run reads no object twice', async () => {
    const root = tempDir();
    const repo = TestRepo.create();
    repo.commit('one', { 'a.txt': 'hello\n' });
    writeFileSync(join(root, 'inventory.yaml'), `repositories:\n  - url: ${repo.dir}\n    name: demo\n`);
    const config = parseConfig(
      {
        dataDir: join(root, 'data'),
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
      repo.commit('two', { 'b.txt': `token=${githubToken()}\n` });
      daemon.queue.enqueue('static:demo', 'test');
      await daemon.queue.idle();
      const jobs = memory.lines().filter((l) => l['msg'] === 'Repository job finished');
      expect(jobs).toHaveLength(2);
      expect(jobs[0]).toMatchObject({ mirror: 'cloned', scannedObjects: 2, findings: 0 });
      // The second commit brings one commit and one blob; the first run's objects are cached.
      expect(jobs[1]).toMatchObject({ mirror: 'fetched', scannedObjects: 2, cachedObjects: 2, newFindings: 1 });
    } finally {
      await daemon.stop(5000);
    }
  }, 60_000);

  it('calls the watch and escalation hooks on their schedules, with the store (and the watch with the current inventory)', async () => {
    const root = tempDir();
    const config = parseConfig(
      {
        dataDir: join(root, 'data'),
        schedule: { inventoryRefresh: NEVER, mirrorScan: NEVER, watch: '* * * * * *', escalation: '* * * * * *' },
        http: { host: '127.0.0.1', port: 0 },
      },
      {},
      'test',
    );
    const calls: string[] = [];
    let wake: () => void = () => undefined;
    const bothCalled = new Promise<void>((done) => (wake = done));
    const record = (name: string) => (context: { store: unknown; inventory?: () => unknown[] }) => {
      expect(context.store).toBeDefined();
      // The watch gets the current inventory, to drop index entries of removed repositories.
      if (name === 'watch') expect(context.inventory?.()).toEqual([]);
      calls.push(name);
      if (calls.includes('watch') && calls.includes('escalate')) wake();
    };
    const daemon = await startDaemon({ config, log: createMemoryLogger().log, cwd: root, hooks: { watch: record('watch'), escalate: record('escalate') } });
    try {
      await bothCalled;
      expect(new Set(calls)).toEqual(new Set(['watch', 'escalate']));
    } finally {
      await daemon.stop(1000);
    }
  }, 30_000);

  it('mirrors a repository that an inventory refresh adds without waiting for the next scheduled scan', async () => {
    const root = tempDir();
    const first = TestRepo.create();
    first.commit('one', { 'a.txt': 'a\n' });
    const second = TestRepo.create();
    second.commit('two', { 'b.txt': 'b\n' });
    const inventory = join(root, 'inventory.yaml');
    writeFileSync(inventory, `repositories:\n  - url: ${first.dir}\n    name: first\n`);
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
    const daemon = await startDaemon({ config, log: createMemoryLogger().log, cwd: root });
    try {
      await daemon.queue.idle();
      writeFileSync(inventory, `repositories:\n  - url: ${first.dir}\n    name: first\n  - url: ${second.dir}\n    name: second\n`);
      while (daemon.store.getRepository('static:second')?.lastMirrorOk !== true) await new Promise((wake) => setTimeout(wake, 100));
      expect(daemon.store.getRepository('static:first')?.lastMirrorOk).toBe(true);
    } finally {
      await daemon.stop(5000);
    }
  }, 30_000);

  it('is not ready while the inventory has failed to load, and ready once a refresh loads it', async () => {
    const root = tempDir();
    const inventory = join(root, 'inventory.yaml');
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
    const daemon = await startDaemon({ config, log: createMemoryLogger().log, cwd: root });
    try {
      const first = await fetch(`${daemon.url}/readyz`);
      expect(first.status).toBe(503);
      expect(await first.json()).toEqual({ status: 'inventory not loaded' });
      writeFileSync(inventory, 'repositories: []\n');
      let status = 503;
      while (status !== 200) {
        await new Promise((wake) => setTimeout(wake, 100));
        status = (await fetch(`${daemon.url}/readyz`)).status;
      }
      expect(status).toBe(200);
    } finally {
      await daemon.stop(5000);
    }
  }, 30_000);

  it('watches what a config file names by relative paths when started from another folder, and logs a change for an unknown repository by name', async () => {
    const root = tempDir();
    const repo = TestRepo.create();
    repo.commit('token', { 'ci.sh': `export GITHUB_TOKEN=${githubToken()}\n` });
    mkdirSync(join(root, 'conf'));
    writeFileSync(join(root, 'conf', 'inventory.yaml'), `repositories:\n  - url: ${repo.dir}\n    name: demo\n`);
    writeFileSync(
      join(root, 'conf', 'leakwatch.yaml'),
      [
        'dataDir: ../data',
        'inventory: { staticFile: inventory.yaml }',
        `schedule: { inventoryRefresh: '${NEVER}', mirrorScan: '${NEVER}', watch: '${NEVER}', escalation: '${NEVER}' }`,
        'http: { host: 127.0.0.1, port: 0 }',
        '',
      ].join('\n'),
    );
    const elsewhere = tempDir();
    const token = ['hook', 'token'].join('-');
    const { config } = loadConfig({ configPath: join(root, 'conf', 'leakwatch.yaml'), cwd: elsewhere, env: { LEAKWATCH_HTTP_WEBHOOK_TOKEN: token } });
    const memory = createMemoryLogger('info');
    const daemon = await startDaemon({ config, log: memory.log, cwd: elsewhere });
    try {
      await daemon.queue.idle();
      expect(daemon.store.getRepository('static:demo')?.lastMirrorOk).toBe(true);
      expect(daemon.store.listFindings('static:demo')).toHaveLength(1);
      expect((await fetch(`${daemon.url}/readyz`)).status).toBe(200);
      const event = {
        source: 'aws.codecommit',
        'detail-type': 'CodeCommit Repository State Change',
        region: 'eu-west-1',
        detail: { event: 'referenceUpdated', repositoryName: 'ghost' },
      };
      const answer = await fetch(`${daemon.url}/webhook/codecommit`, { method: 'POST', body: JSON.stringify(event), headers: { authorization: `Bearer ${token}` } });
      expect(await answer.json()).toEqual({ queued: [] });
      expect(memory.lines().find((l) => l['msg'] === 'Change for a repository not in the inventory')).toMatchObject({ repo: 'ghost', region: 'eu-west-1' });
    } finally {
      await daemon.stop(5000);
    }
  }, 60_000);
});
