/**
 * The worker thread behind PgConnection: holds one `pg` client per connection handle and runs
 * what the main thread asks, one request at a time (synckit blocks the caller on Atomics.wait
 * until the answer is posted). Errors come back as values with their SQLSTATE, so the caller can
 * tell a unique violation from a lost connection.
 */
import pg from 'pg';
import { runAsWorker } from 'synckit';

export interface PgStatement {
  sql: string;
  params?: readonly unknown[];
}

export interface PgAnswer {
  rows: Record<string, unknown>[];
  rowCount: number;
}

export type PgRequest =
  | { op: 'open'; url: string; schema: string; applicationName: string }
  | { op: 'run'; handle: number; statements: readonly PgStatement[] }
  | { op: 'close'; handle: number };

export type PgReply =
  | { ok: true; handle?: number; answers?: PgAnswer[] }
  | { ok: false; message: string; code?: string };

// Bytes come back as Buffers, BIGINT (count(*), sequences) as numbers: every value we keep fits.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

const clients = new Map<number, pg.Client>();
let next = 1;

async function handle(request: PgRequest): Promise<PgReply> {
  if (request.op === 'open') {
    const client = new pg.Client({ connectionString: request.url, application_name: request.applicationName });
    // A dropped connection is reported on the next request, not as an unhandled error event.
    client.on('error', () => undefined);
    await client.connect();
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(request.schema)}`).catch(() => undefined);
    await client.query(`SET search_path TO ${pg.escapeIdentifier(request.schema)}`);
    const id = next++;
    clients.set(id, client);
    return { ok: true, handle: id };
  }
  const client = clients.get(request.handle);
  if (client === undefined) return { ok: false, message: 'connection is closed' };
  if (request.op === 'close') {
    clients.delete(request.handle);
    await client.end();
    return { ok: true };
  }
  const answers: PgAnswer[] = [];
  for (const s of request.statements) {
    // Buffers cross the thread boundary as plain Uint8Arrays; pg sends only Buffers as bytea.
    const values = s.params?.map((v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v));
    const answer = await client.query({ text: s.sql, values });
    // Several statements in one text (migrations) answer one result each; the last one counts.
    const result = Array.isArray(answer) ? (answer.at(-1) as pg.QueryResult) : answer;
    answers.push({ rows: result.rows as Record<string, unknown>[], rowCount: result.rowCount ?? 0 });
  }
  return { ok: true, answers };
}

runAsWorker(async (request: PgRequest): Promise<PgReply> => {
  try {
    return await handle(request);
  } catch (err) {
    const e = err as { message?: string; code?: string };
    return { ok: false, message: e.message ?? String(err), ...(e.code === undefined ? {} : { code: e.code }) };
  }
});
