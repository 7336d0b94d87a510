/**
 * The fingerprint index kept in the leakwatch SQLite database, so the daemon does not
 * re-fingerprint every mirror after a restart and `leakwatch match` can use what the daemon
 * built. Matching must not touch SQLite in its hot loop: at open every stored file is loaded
 * into an in-memory index (postings, blob ids, canaries), and every change is written through
 * to SQLite in its own transaction before memory is changed, so memory never holds what the
 * database lost. Tables: `fingerprint_files` and `fingerprint_canaries` (migrations.ts).
 *
 * Stored fingerprints are only comparable with fingerprints made with the same winnow
 * parameters and the same tokenizer; each row records both. Opening with other parameters (or
 * after a tokenizer change, see FINGERPRINT_SCHEME) drops the stored rows, and the next
 * incremental update rebuilds them.
 */
import type { Database as Db } from 'better-sqlite3';
import { endianness } from 'node:os';
import { InMemoryFingerprintIndex } from '../../fingerprint/fingerprint-index.js';
import type { FingerprintIndexStore, IndexFileInput, IndexedFile } from '../../fingerprint/fingerprint-index.js';
import type { TextFingerprints } from '../../fingerprint/fingerprint-text.js';
import type { WinnowParameters } from '../../fingerprint/winnow-parameters.js';
import type { Logger } from '../../logger.js';

/**
 * Version of what produces fingerprints from text (tokenizer, k-gram hash, winnowing, masks).
 * Bump it when any of them changes its output: stored fingerprints made by another scheme would
 * silently stop matching, so a bump makes every store drop and rebuild its index.
 */
export const FINGERPRINT_SCHEME = 1;

export interface OpenFingerprintIndexOptions {
  /** The parameters the caller fingerprints with; stored rows made otherwise are dropped. */
  readonly parameters: WinnowParameters;
  readonly log?: Logger;
}

interface FileRow {
  id: number;
  repo: string;
  path: string;
  blob_id: string;
  token_count: number;
  line_count: number;
  fingerprints: Buffer;
}

const LITTLE_ENDIAN = endianness() === 'LE';

/** The parameters of the stored index, or undefined when it holds no usable file. */
export function storedFingerprintParameters(db: Db): WinnowParameters | undefined {
  const row = db
    .prepare<[number], { k: number; w: number }>('SELECT k, w FROM fingerprint_files WHERE scheme = ? GROUP BY k, w ORDER BY count(*) DESC LIMIT 1')
    .get(FINGERPRINT_SCHEME);
  return row === undefined ? undefined : { k: row.k, w: row.w };
}

export class SqliteFingerprintIndex implements FingerprintIndexStore {
  readonly parameters: WinnowParameters;
  private readonly memory: InMemoryFingerprintIndex;
  private readonly addTx: (input: IndexFileInput) => void;
  private readonly removeTx: (repo: string, path: string) => number;

  private constructor(private readonly db: Db, parameters: WinnowParameters) {
    this.parameters = { k: parameters.k, w: parameters.w };
    this.memory = new InMemoryFingerprintIndex(parameters);
    const deleteCanaries = db.prepare('DELETE FROM fingerprint_canaries WHERE file_id IN (SELECT id FROM fingerprint_files WHERE repo = ? AND path = ?)');
    const deleteFile = db.prepare('DELETE FROM fingerprint_files WHERE repo = ? AND path = ?');
    const insertFile = db.prepare(
      `INSERT INTO fingerprint_files (repo, path, blob_id, token_count, line_count, k, w, scheme, fingerprints)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertCanary = db.prepare('INSERT OR IGNORE INTO fingerprint_canaries (file_id, marker) VALUES (?, ?)');
    this.removeTx = db.transaction((repo: string, path: string) => {
      deleteCanaries.run(repo, path);
      return deleteFile.run(repo, path).changes;
    });
    this.addTx = db.transaction((input: IndexFileInput) => {
      this.removeTx(input.repo, input.path);
      const fp = input.fingerprints;
      const info = insertFile.run(
        input.repo, input.path, input.blobId, fp.tokenCount, fp.lineCount,
        this.parameters.k, this.parameters.w, FINGERPRINT_SCHEME, encodeFingerprints(fp),
      );
      for (const marker of input.canaries ?? []) insertCanary.run(info.lastInsertRowid, marker);
    });
  }

  /**
   * Loads the stored index (dropping rows made with other parameters or another scheme) into
   * memory. The database must have been opened with `openDatabase`, which creates the tables.
   */
  static open(db: Db, options: OpenFingerprintIndexOptions): SqliteFingerprintIndex {
    const index = new SqliteFingerprintIndex(db, options.parameters);
    index.dropIncomparable(options.log);
    index.load(options.log);
    return index;
  }

  addFile(input: IndexFileInput): number {
    this.addTx(input);
    return this.memory.addFile(input);
  }

  removeFile(repo: string, path: string): boolean {
    this.removeTx(repo, path);
    return this.memory.removeFile(repo, path);
  }

  /** Drops every file of a repository (one transaction); returns how many there were. */
  removeRepo(repo: string): number {
    const paths = this.memory.pathsOfRepo(repo);
    this.db.transaction(() => {
      for (const path of paths) this.removeTx(repo, path);
    })();
    for (const path of paths) this.memory.removeFile(repo, path);
    return paths.length;
  }

  /** The repositories that have files in the index. */
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

  private dropIncomparable(log: Logger | undefined): void {
    const { k, w } = this.parameters;
    const where = 'k != ? OR w != ? OR scheme != ?';
    const args = [k, w, FINGERPRINT_SCHEME] as const;
    // Checked first so that opening a current index (as `leakwatch match` does) writes nothing.
    if (this.db.prepare(`SELECT 1 FROM fingerprint_files WHERE ${where} LIMIT 1`).get(...args) === undefined) return;
    const dropped = this.db.transaction(() => {
      this.db.prepare(`DELETE FROM fingerprint_canaries WHERE file_id IN (SELECT id FROM fingerprint_files WHERE ${where})`).run(...args);
      return this.db.prepare(`DELETE FROM fingerprint_files WHERE ${where}`).run(...args).changes;
    })();
    if (dropped > 0) {
      log?.warn({ dropped, k, w, scheme: FINGERPRINT_SCHEME }, 'Stored fingerprint index was made with other parameters; dropped, it is rebuilt on the next update');
    }
  }

  private load(log: Logger | undefined): void {
    const canaries = new Map<number, string[]>();
    for (const row of this.db.prepare('SELECT file_id, marker FROM fingerprint_canaries').iterate() as Iterable<{ file_id: number; marker: string }>) {
      const list = canaries.get(row.file_id);
      if (list) list.push(row.marker);
      else canaries.set(row.file_id, [row.marker]);
    }
    const rows = this.db.prepare('SELECT id, repo, path, blob_id, token_count, line_count, fingerprints FROM fingerprint_files ORDER BY id');
    const corrupt: Array<{ repo: string; path: string }> = [];
    for (const row of rows.iterate() as Iterable<FileRow>) {
      const fingerprints = decodeFingerprints(row.fingerprints, row.token_count, row.line_count);
      if (fingerprints === undefined) {
        corrupt.push({ repo: row.repo, path: row.path });
        continue;
      }
      this.memory.addFile({ repo: row.repo, path: row.path, blobId: row.blob_id, fingerprints, canaries: canaries.get(row.id) ?? [] });
    }
    // A damaged row is dropped, not trusted: the next update finds the path missing and re-reads it.
    for (const { repo, path } of corrupt) this.removeTx(repo, path);
    if (corrupt.length > 0) log?.warn({ dropped: corrupt.length }, 'Damaged fingerprint index rows dropped; they are rebuilt on the next update');
  }
}

/** Hashes, then start lines, then end lines, each as little-endian Uint32s. */
export function encodeFingerprints(fp: TextFingerprints): Buffer {
  const n = fp.hashes.length;
  const all = new Uint32Array(n * 3);
  all.set(fp.hashes, 0);
  all.set(fp.startLines, n);
  all.set(fp.endLines, 2 * n);
  if (LITTLE_ENDIAN) return Buffer.from(all.buffer, all.byteOffset, all.byteLength);
  const out = Buffer.allocUnsafe(all.byteLength);
  for (let i = 0; i < all.length; i++) out.writeUInt32LE(all[i]!, i * 4);
  return out;
}

/** The inverse of encodeFingerprints; undefined when the bytes cannot be triples. */
export function decodeFingerprints(blob: Buffer, tokenCount: number, lineCount: number): TextFingerprints | undefined {
  if (blob.length % 12 !== 0) return undefined;
  const n = blob.length / 12;
  // One aligned copy per file; the three arrays are views of it.
  const all = new Uint32Array(n * 3);
  if (LITTLE_ENDIAN) new Uint8Array(all.buffer).set(blob);
  else for (let i = 0; i < all.length; i++) all[i] = blob.readUInt32LE(i * 4);
  return { hashes: all.subarray(0, n), startLines: all.subarray(n, 2 * n), endLines: all.subarray(2 * n), tokenCount, lineCount };
}
