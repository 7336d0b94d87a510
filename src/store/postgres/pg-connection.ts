/**
 * A synchronous PostgreSQL connection. The store interfaces are synchronous (the scan saves its
 * state and, inside the same transaction, its findings through a callback), so each store holds
 * one dedicated connection in a worker thread and waits for every answer (synckit: Atomics.wait
 * on a SharedArrayBuffer). The wait costs a round trip per call, which the stores keep low by
 * sending a transaction's statements as one batch where they can. Transactions nest: the
 * outermost is BEGIN/COMMIT, inner ones are savepoints, as better-sqlite3's are.
 */
import { createSyncFn } from 'synckit';
import { LeakwatchError } from '../../errors.js';
import { packagePath } from '../../util/package-root.js';
import type { PgAnswer, PgReply, PgRequest, PgStatement } from './pg-sync-worker.js';

/**
 * The worker must be compiled JavaScript, found from the package folder: this module also runs
 * from the bundle's chunks (dist/chunks/) and, in tests, from the TypeScript sources.
 */
const WORKER_PATH = packagePath('dist', 'store', 'postgres', 'pg-sync-worker.js');

let call: ((request: PgRequest) => PgReply) | undefined;

/** An error PostgreSQL answered with; `code` is its SQLSTATE (23505: unique violation). */
export class PgError extends Error {
  override readonly name = 'PgError';
  constructor(message: string, readonly code: string | undefined) {
    super(message);
  }
}

function send(request: PgRequest): PgReply {
  call ??= createSyncFn<(request: PgRequest) => Promise<PgReply>>(WORKER_PATH);
  return call(request);
}

export interface PgTarget {
  /** The connection URL without leakwatch's own `schema` parameter. */
  url: string;
  schema: string;
}

/** Splits `postgres://…?schema=NAME` into the URL pg understands and the schema (default `public`). */
export function parseDatabaseUrl(databaseUrl: string): PgTarget {
  let parsed: URL;
  try {
    parsed = new URL(databaseUrl);
  } catch {
    throw new LeakwatchError('config', 'databaseUrl is not a URL; set it to postgres://HOST:5432/DATABASE (user and password in the URL or PGUSER/PGPASSWORD)');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new LeakwatchError('config', `databaseUrl must start with postgres:// (got ${parsed.protocol}//); set it to postgres://HOST:5432/DATABASE (user and password in the URL or PGUSER/PGPASSWORD)`);
  }
  const schema = parsed.searchParams.get('schema') ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(schema)) {
    throw new LeakwatchError('config', `databaseUrl schema "${schema}" is not a plain lower-case identifier; use letters, digits and _`);
  }
  parsed.searchParams.delete('schema');
  return { url: parsed.toString(), schema };
}

export class PgConnection {
  private handle: number | undefined;
  private depth = 0;

  constructor(readonly target: PgTarget, applicationName = 'leakwatch') {
    const reply = send({ op: 'open', url: target.url, schema: target.schema, applicationName });
    if (!reply.ok) {
      throw new LeakwatchError('state', `cannot connect to PostgreSQL at ${redacted(target.url)}: ${reply.message}; check databaseUrl and that the server is up`);
    }
    this.handle = reply.handle;
  }

  /** Runs the statements in order on this connection; answers one result per statement. */
  batch(statements: readonly PgStatement[]): PgAnswer[] {
    if (statements.length === 0) return [];
    if (this.handle === undefined) throw new PgError('connection is closed', undefined);
    const reply = send({ op: 'run', handle: this.handle, statements });
    if (!reply.ok) throw new PgError(reply.message, reply.code);
    // Buffers cross the thread boundary as plain Uint8Arrays: give callers Buffers back.
    for (const answer of reply.answers!) {
      for (const row of answer.rows) {
        for (const [key, value] of Object.entries(row)) {
          if (value instanceof Uint8Array && !Buffer.isBuffer(value)) row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
        }
      }
    }
    return reply.answers!;
  }

  query<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): { rows: T[]; rowCount: number } {
    const [answer] = this.batch([{ sql, params }]);
    return answer as { rows: T[]; rowCount: number };
  }

  one<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): T | undefined {
    return this.query<T>(sql, params).rows[0];
  }

  /** Runs `fn` in a transaction (a savepoint when one is already open); rolls back on a throw. */
  transaction<T>(fn: () => T): T {
    const savepoint = `lw_${this.depth}`;
    this.query(this.depth === 0 ? 'BEGIN' : `SAVEPOINT ${savepoint}`);
    this.depth += 1;
    try {
      const value = fn();
      this.depth -= 1;
      this.query(this.depth === 0 ? 'COMMIT' : `RELEASE SAVEPOINT ${savepoint}`);
      return value;
    } catch (err) {
      this.depth -= 1;
      try {
        this.query(this.depth === 0 ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT ${savepoint}`);
      } catch {
        // The connection itself failed; the server rolls back a transaction it lost.
      }
      throw err;
    }
  }

  close(): void {
    if (this.handle === undefined) return;
    const handle = this.handle;
    this.handle = undefined;
    send({ op: 'close', handle });
  }
}

/** The URL without its password, for messages. */
export function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured URL';
  }
}
