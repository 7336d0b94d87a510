/**
 * The fingerprint index in PostgreSQL, shared by the replicas of a scaled-out daemon and read by
 * `leakwatch match`. As in SQLite, matching never touches the database in its hot loop: the
 * stored files are loaded into an in-memory index, and every change is written through to the
 * database before memory changes. Each write also advances a sequence, so a replica can tell
 * that another one changed the index and `reload()` before it matches (the watch does, before
 * each cycle). Rows made with other winnow parameters or another scheme are dropped at open.
 */
import { InMemoryFingerprintIndex } from '../../fingerprint/fingerprint-index.js';
import type { FingerprintIndexStore, IndexFileInput, IndexedFile } from '../../fingerprint/fingerprint-index.js';
import type { WinnowParameters } from '../../fingerprint/winnow-parameters.js';
import type { Logger } from '../../logger.js';
import { FINGERPRINT_SCHEME, decodeFingerprints, encodeFingerprints } from '../sqlite/sqlite-fingerprint-index.js';
import { PgConnection } from './pg-connection.js';
import type { PgTarget } from './pg-connection.js';
import { migrate } from './pg-migrations.js';

interface FileRow {
  repo: string;
  path: string;
  blob_id: string;
  token_count: number;
  line_count: number;
  fingerprints: Buffer;
  canaries: string[];
}

/** The parameters most stored files were made with, or undefined when none is usable. */
export function storedPgFingerprintParameters(target: PgTarget): WinnowParameters | undefined {
  const conn = new PgConnection(target);
  try {
    migrate(conn);
    return conn.one<{ k: number; w: number }>('SELECT k, w FROM fingerprint_files WHERE scheme = $1 GROUP BY k, w ORDER BY count(*) DESC LIMIT 1', [FINGERPRINT_SCHEME]);
  } finally {
    conn.close();
  }
}

export class PgFingerprintIndex implements FingerprintIndexStore {
  readonly parameters: WinnowParameters;
  private memory: InMemoryFingerprintIndex;
  private seen = -1;

  private constructor(private readonly conn: PgConnection, parameters: WinnowParameters, private readonly log: Logger | undefined) {
    this.parameters = { k: parameters.k, w: parameters.w };
    this.memory = new InMemoryFingerprintIndex(parameters);
  }

  static open(target: PgTarget, options: { parameters: WinnowParameters; log?: Logger }): PgFingerprintIndex {
    const conn = new PgConnection(target);
    try {
      migrate(conn);
      const index = new PgFingerprintIndex(conn, options.parameters, options.log);
      index.dropIncomparable();
      index.reload();
      return index;
    } catch (err) {
      conn.close();
      throw err;
    }
  }

  /** Loads the stored index again when any process changed it since this one last looked. */
  reload(): boolean {
    // Read before the rows: a change landing in between makes the next reload load again.
    const version = this.conn.one<{ v: number }>('SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS v FROM fingerprint_changes')!.v;
    if (version === this.seen) return false;
    const memory = new InMemoryFingerprintIndex(this.parameters);
    const { rows } = this.conn.query<FileRow>('SELECT repo, path, blob_id, token_count, line_count, fingerprints, canaries FROM fingerprint_files ORDER BY id');
    let corrupt = 0;
    for (const row of rows) {
      const fingerprints = decodeFingerprints(row.fingerprints, row.token_count, row.line_count);
      if (fingerprints === undefined) {
        // Not trusted; the next update of the repository finds the path missing and re-reads it.
        corrupt += 1;
        continue;
      }
      memory.addFile({ repo: row.repo, path: row.path, blobId: row.blob_id, fingerprints, canaries: row.canaries });
    }
    if (corrupt > 0) this.log?.warn({ skipped: corrupt }, 'Damaged fingerprint index rows skipped; they are rebuilt on the next update');
    this.memory = memory;
    this.seen = version;
    return true;
  }

  addFile(input: IndexFileInput): number {
    const fp = input.fingerprints;
    this.write([
      {
        sql: `INSERT INTO fingerprint_files (repo, path, blob_id, token_count, line_count, k, w, scheme, fingerprints, canaries)
              VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
              ON CONFLICT (repo, path) DO UPDATE SET blob_id = excluded.blob_id, token_count = excluded.token_count, line_count = excluded.line_count,
                k = excluded.k, w = excluded.w, scheme = excluded.scheme, fingerprints = excluded.fingerprints, canaries = excluded.canaries`,
        params: [input.repo, input.path, input.blobId, fp.tokenCount, fp.lineCount, this.parameters.k, this.parameters.w, FINGERPRINT_SCHEME, encodeFingerprints(fp), [...(input.canaries ?? [])]],
      },
    ]);
    return this.memory.addFile(input);
  }

  removeFile(repo: string, path: string): boolean {
    this.write([{ sql: 'DELETE FROM fingerprint_files WHERE repo = $1 AND path = $2', params: [repo, path] }]);
    return this.memory.removeFile(repo, path);
  }

  removeRepo(repo: string): number {
    const paths = this.memory.pathsOfRepo(repo);
    this.write([{ sql: 'DELETE FROM fingerprint_files WHERE repo = $1', params: [repo] }]);
    for (const path of paths) this.memory.removeFile(repo, path);
    return paths.length;
  }

  repos(): string[] {
    const names = new Set<string>();
    for (const file of this.memory.allFiles()) names.add(file.repo);
    return [...names];
  }

  findFile(repo: string, path: string): IndexedFile | undefined {
    return this.memory.findFile(repo, path);
  }

  pathsOfRepo(repo: string): string[] {
    return this.memory.pathsOfRepo(repo);
  }

  fileCount(): number {
    return this.memory.fileCount();
  }

  getFile(id: number): IndexedFile | undefined {
    return this.memory.getFile(id);
  }

  allFiles(): IterableIterator<IndexedFile> {
    return this.memory.allFiles();
  }

  filesWithHash(hash: number): readonly number[] {
    return this.memory.filesWithHash(hash);
  }

  filesWithBlobId(blobId: string): readonly number[] {
    return this.memory.filesWithBlobId(blobId);
  }

  filesWithCanary(marker: string): readonly number[] {
    return this.memory.filesWithCanary(marker);
  }

  close(): void {
    this.conn.close();
  }

  /** One transaction: the change and the version bump. */
  private write(statements: Array<{ sql: string; params: unknown[] }>): void {
    const answers = this.conn.transaction(() => this.conn.batch([...statements, { sql: "SELECT nextval('fingerprint_changes') AS v", params: [] }]));
    const version = answers.at(-1)!.rows[0]!['v'] as number;
    // The next version after the one memory holds: no other process wrote in between, memory is
    // current. Otherwise reload() loads what the others wrote.
    if (version === this.seen + 1) this.seen = version;
  }

  private dropIncomparable(): void {
    const { k, w } = this.parameters;
    const dropped = this.conn.query('DELETE FROM fingerprint_files WHERE k != $1 OR w != $2 OR scheme != $3', [k, w, FINGERPRINT_SCHEME]).rowCount;
    if (dropped > 0) {
      this.conn.query("SELECT nextval('fingerprint_changes')");
      this.log?.warn({ dropped, k, w, scheme: FINGERPRINT_SCHEME }, 'Stored fingerprint index was made with other parameters; dropped, it is rebuilt on the next update');
    }
  }
}
