// Schema migrations on PostgreSQL: replicas starting at once apply them once, under the advisory lock.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PG_MIGRATIONS } from '../../../src/store/postgres/pg-migrations.js';
import { freshSchema, probePostgres, schemaUrl, storeBackends, TEST_DATABASE_URL } from '../contract/backends.js';

const unavailable = await probePostgres();
await storeBackends(); // registers the schema cleanup of this file
const STORE = fileURLToPath(new URL('../../../dist/store/postgres/pg-monitor-store.js', import.meta.url));

/** A separate process opening the store (and so migrating) on the schema, as a replica does at start. */
function openInProcess(url: string): Promise<number> {
  const code = `import { PgMonitorStore } from ${JSON.stringify(STORE)};
    import { parseDatabaseUrl } from ${JSON.stringify(STORE.replace('pg-monitor-store', 'pg-connection'))};
    new PgMonitorStore(parseDatabaseUrl(process.argv[1])).close();`;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code, url], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (status) => done(status ?? -1));
  });
}

describe.skipIf(unavailable !== undefined)(`PostgreSQL migrations${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('are applied once when four replicas start on an empty schema at the same time', async () => {
    const schema = freshSchema();
    const url = schemaUrl(schema);
    const codes = await Promise.all([1, 2, 3, 4].map(() => openInProcess(url)));
    expect(codes).toEqual([0, 0, 0, 0]);
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`);
      expect(rows.map((r: { version: number }) => r.version)).toEqual(PG_MIGRATIONS.map((_, i) => i + 1));
    } finally {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    }
  });
});
