// One scaled-out daemon in process: jobs through the PostgreSQL queue, /readyz and the queue metrics.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.js';
import { startDaemon } from '../../../src/daemon/start-daemon.js';
import { TestRepo, removeTempDirs, tempDir } from '../../helpers/git-repo.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';
import { githubToken } from '../../helpers/tokens.js';
import { TEST_DATABASE_URL, freshSchema, probePostgres, schemaUrl, storeBackends } from '../../store/contract/backends.js';

const NEVER = '0 0 1 1 *';
const unavailable = await probePostgres();
await storeBackends(); // drops the schemas named by freshSchema() in this file afterwards

afterAll(() => removeTempDirs());

describe.skipIf(unavailable !== undefined)(`scaled-out daemon (in process)${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('scans through the queue, is ready with the database and the queue up, and exports the queue depth and latency', async () => {
    const root = tempDir();
    const repo = TestRepo.create();
    repo.commit('token', { 'ci.sh': `export GITHUB_TOKEN=${githubToken()}\n` });
    writeFileSync(join(root, 'inventory.yaml'), `repositories:\n  - url: ${repo.dir}\n    name: good\n`);
    const schema = freshSchema();
    const config = parseConfig(
      {
        dataDir: join(root, 'data'),
        databaseUrl: schemaUrl(schema),
        inventory: { staticFile: join(root, 'inventory.yaml'), defaultOwner: 'security@example.test' },
        mirror: { concurrency: 2, retries: 0, backoffSeconds: 0 },
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
      expect(daemon.store.listFindings('static:good').map((f) => f.finding.ruleId)).toEqual([expect.stringMatching(/github/)]);
      expect(memory.lines().some((l) => l['msg'] === 'Repository job started' && l['repository'] === 'static:good')).toBe(true);
      const ready = await fetch(`${daemon.url}/readyz`);
      expect(ready.status).toBe(200);
      const metrics = await (await fetch(`${daemon.url}/metrics`)).text();
      expect(metrics).toMatch(/^leakwatch_queue_depth\{queue="leakwatch-repository"\} 0$/m);
      expect(metrics).toMatch(/^leakwatch_queue_latency_seconds_count\{queue="leakwatch-repository"\} [1-9]/m);
      expect(metrics).toMatch(/^leakwatch_queue_job_duration_seconds_count\{queue="leakwatch-repository",outcome="ok"\} [1-9]/m);
    } finally {
      await daemon.stop(5000);
    }
  });

  it('answers a webhook push 202 once its job is in the PostgreSQL queue, and 503 when the queue cannot take it', async () => {
    const root = tempDir();
    const repo = TestRepo.create();
    repo.commit('readme', { 'README.md': '# app\n' });
    writeFileSync(join(root, 'inventory.yaml'), `repositories:\n  - url: ${repo.dir}\n    name: app\n`);
    const schema = freshSchema();
    const token = ['hook', '-'].join('') + Math.random().toString(36).slice(2);
    const config = parseConfig(
      {
        dataDir: join(root, 'data'),
        databaseUrl: schemaUrl(schema),
        inventory: { staticFile: join(root, 'inventory.yaml'), defaultOwner: 'security@example.test' },
        mirror: { concurrency: 1, retries: 0, backoffSeconds: 0 },
        schedule: { inventoryRefresh: NEVER, mirrorScan: NEVER, watch: NEVER, escalation: NEVER },
        http: { host: '127.0.0.1', port: 0, webhookToken: token },
      },
      {},
      'test',
    );
    const memory = createMemoryLogger('debug');
    const daemon = await startDaemon({ config, log: memory.log, cwd: root });
    const db = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();
    const push = (): Promise<Response> =>
      fetch(`${daemon.url}/webhook/codecommit`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          source: 'aws.codecommit', 'detail-type': 'CodeCommit Repository State Change', region: 'eu-west-1', account: '123456789012',
          detail: { event: 'referenceUpdated', repositoryName: 'app', referenceType: 'branch', referenceName: 'main' },
        }),
      });
    try {
      await daemon.queue.idle();
      const before = Number((await db.query(`SELECT count(*) AS n FROM ${schema}_queue.job WHERE data->>'reason' = 'event:referenceUpdated'`)).rows[0].n);
      const accepted = await push();
      expect(accepted.status).toBe(202);
      expect(await accepted.json()).toEqual({ queued: ['static:app'] });
      // The 202 came after the write: the job is in the queue's table already.
      expect(Number((await db.query(`SELECT count(*) AS n FROM ${schema}_queue.job WHERE data->>'reason' = 'event:referenceUpdated'`)).rows[0].n)).toBe(before + 1);

      await db.query(`DROP SCHEMA ${schema}_queue CASCADE`);
      const refused = await push();
      expect(refused.status).toBe(503);
      expect(memory.lines().some((l) => l['msg'] === 'Webhook change could not be queued')).toBe(true);
    } finally {
      await db.end();
      await daemon.stop(2000);
    }
  });
});
