/**
 * The store backends the contract suites run against: SQLite always; PostgreSQL on the machine's
 * server (127.0.0.1:5432, database `test`, or LEAKWATCH_TEST_DATABASE_URL) when it answers, each
 * store in a fresh schema that is dropped after the file. When PostgreSQL does not answer, its
 * suites are skipped and the reason is said on stderr, never passed silently as green.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
import type { PostureStore } from '../../../src/posture/posture-store.js';
import type { IncidentStore } from '../../../src/respond/incident-store.js';
import { parseDatabaseUrl } from '../../../src/store/postgres/pg-connection.js';
import { PgIncidentStore } from '../../../src/store/postgres/pg-incident-store.js';
import { PgMonitorStore } from '../../../src/store/postgres/pg-monitor-store.js';
import { PgPostureStore } from '../../../src/store/postgres/pg-posture-store.js';
import { SqliteIncidentStore } from '../../../src/store/sqlite/sqlite-incident-store.js';
import { SqliteMonitorStore } from '../../../src/store/sqlite/sqlite-monitor-store.js';
import { openDatabase } from '../../../src/store/sqlite/open-database.js';
import { SqlitePostureStore } from '../../../src/store/sqlite/sqlite-posture-store.js';
import type { MonitorStore } from '../../../src/store/types.js';
import { removeTempDirs, tempDir } from '../../helpers/git-repo.js';

export const TEST_DATABASE_URL = process.env['LEAKWATCH_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** One place state lives (a SQLite file, a PostgreSQL schema); stores opened on it share it. */
export interface StoreLocation {
  monitor(): MonitorStore;
  incidents(): IncidentStore;
  posture(): PostureStore;
}

export interface StoreBackend {
  name: 'sqlite' | 'postgres';
  /** Why the backend cannot run here; undefined when it can. */
  unavailable?: string;
  /** A fresh, empty location. */
  fresh(): StoreLocation;
}

/** Whether PostgreSQL answers; the reason when it does not. */
export async function probePostgres(url = TEST_DATABASE_URL): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (err) {
    return `PostgreSQL not reachable at ${url} (${(err as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The schemas this test file made, dropped (with their queue schemas) after it. */
const created: string[] = [];

async function dropSchemas(schemas: string[]): Promise<void> {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`);
  } finally {
    await client.end();
  }
}

/** A schema name no other test file uses; storeBackends() drops it after the file. */
export function freshSchema(): string {
  const schema = `lw_test_${randomBytes(6).toString('hex')}`;
  created.push(schema);
  return schema;
}

/** The database URL of a schema on the test server, as a user would write it. */
export function schemaUrl(schema: string): string {
  return `${TEST_DATABASE_URL}?schema=${schema}`;
}

export async function storeBackends(): Promise<StoreBackend[]> {
  const unavailable = await probePostgres();
  afterAll(async () => {
    removeTempDirs();
    if (unavailable === undefined) await dropSchemas(created);
  });
  if (unavailable !== undefined) process.stderr.write(`postgres store suites skipped: ${unavailable}\n`);
  return [
    {
      name: 'sqlite',
      fresh() {
        const file = join(tempDir(), 'state.db');
        return {
          monitor: () => new SqliteMonitorStore(file),
          incidents: () => new SqliteIncidentStore(file),
          // The SQLite posture store lives on a handle its opener owns; here the store's close closes it.
          posture: () => {
            const db = openDatabase(file);
            return Object.assign(new SqlitePostureStore(db), { close: () => db.close() });
          },
        };
      },
    },
    {
      name: 'postgres',
      ...(unavailable === undefined ? {} : { unavailable }),
      fresh() {
        const schema = freshSchema();
        const target = parseDatabaseUrl(schemaUrl(schema));
        return { monitor: () => new PgMonitorStore(target), incidents: () => new PgIncidentStore(target), posture: () => new PgPostureStore(target) };
      },
    },
  ];
}
