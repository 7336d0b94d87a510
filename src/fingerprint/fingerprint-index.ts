/**
 * The fingerprint index: which of our files (repo, path, blob id) hold which fingerprints,
 * blob ids and canary markers. `FingerprintIndexStore` is the interface scoring needs; the
 * in-memory implementation here serves the CLI and tests, serializes to plain JSON, and is the
 * reference for a persistent (SQLite) implementation. It is synchronous on purpose: lookups
 * sit in the hot loop of matching, and better-sqlite3 is synchronous too.
 */
import type { TextFingerprints } from './fingerprint-text.js';
import type { WinnowParameters } from './winnow-parameters.js';

export interface IndexFileInput {
  readonly repo: string;
  readonly path: string;
  readonly blobId: string;
  readonly fingerprints: TextFingerprints;
  readonly canaries?: readonly string[];
}

export interface IndexedFile extends IndexFileInput {
  readonly id: number;
  /** Number of distinct fingerprint hashes, the denominator of source coverage. */
  readonly distinctHashes: number;
}

export interface FingerprintIndexStore {
  /** Fingerprints are only comparable when made with these parameters. */
  readonly parameters: WinnowParameters;
  /** Adds a file, replacing any file already indexed at the same repo and path; returns its id. */
  addFile(input: IndexFileInput): number;
  removeFile(repo: string, path: string): boolean;
  /** The file indexed at a repo and path, to skip unchanged blobs on an incremental update. */
  findFile(repo: string, path: string): IndexedFile | undefined;
  /** Paths indexed for a repository, to drop files deleted since the last update. */
  pathsOfRepo(repo: string): string[];
  fileCount(): number;
  getFile(id: number): IndexedFile | undefined;
  /** Ids of the files holding a fingerprint hash, ascending; its length is the hash's file frequency. */
  filesWithHash(hash: number): readonly number[];
  filesWithBlobId(blobId: string): readonly number[];
  filesWithCanary(marker: string): readonly number[];
}

export interface SerializedFingerprintIndex {
  version: 1;
  k: number;
  w: number;
  files: Array<{
    repo: string;
    path: string;
    blobId: string;
    tokenCount: number;
    lineCount: number;
    canaries: string[];
    /** Flat triples: hash, start line, end line. */
    fingerprints: number[];
  }>;
}

const EMPTY: readonly number[] = Object.freeze([]);

export class InMemoryFingerprintIndex implements FingerprintIndexStore {
  readonly parameters: WinnowParameters;
  private readonly files = new Map<number, IndexedFile>();
  private readonly byKey = new Map<string, number>();
  private readonly postings = new Map<number, number[]>();
  private readonly blobs = new Map<string, number[]>();
  private readonly canaries = new Map<string, number[]>();
  private nextId = 1;

  constructor(parameters: WinnowParameters) {
    this.parameters = { k: parameters.k, w: parameters.w };
  }

  addFile(input: IndexFileInput): number {
    this.removeFile(input.repo, input.path);
    const id = this.nextId++;
    const distinct = new Set(input.fingerprints.hashes);
    const file: IndexedFile = { ...input, canaries: [...(input.canaries ?? [])], id, distinctHashes: distinct.size };
    this.files.set(id, file);
    this.byKey.set(keyOf(input.repo, input.path), id);
    for (const h of distinct) pushTo(this.postings, h, id);
    pushTo(this.blobs, input.blobId, id);
    for (const marker of file.canaries ?? []) pushTo(this.canaries, marker, id);
    return id;
  }

  removeFile(repo: string, path: string): boolean {
    const key = keyOf(repo, path);
    const id = this.byKey.get(key);
    if (id === undefined) return false;
    const file = this.files.get(id)!;
    for (const h of new Set(file.fingerprints.hashes)) removeFrom(this.postings, h, id);
    removeFrom(this.blobs, file.blobId, id);
    for (const marker of file.canaries ?? []) removeFrom(this.canaries, marker, id);
    this.files.delete(id);
    this.byKey.delete(key);
    return true;
  }

  findFile(repo: string, path: string): IndexedFile | undefined {
    const id = this.byKey.get(keyOf(repo, path));
    return id === undefined ? undefined : this.files.get(id);
  }

  pathsOfRepo(repo: string): string[] {
    return [...this.files.values()].filter((f) => f.repo === repo).map((f) => f.path);
  }

  fileCount(): number {
    return this.files.size;
  }

  getFile(id: number): IndexedFile | undefined {
    return this.files.get(id);
  }

  /** Every indexed file, in insertion order. */
  allFiles(): IterableIterator<IndexedFile> {
    return this.files.values();
  }

  filesWithHash(hash: number): readonly number[] {
    return this.postings.get(hash) ?? EMPTY;
  }

  filesWithBlobId(blobId: string): readonly number[] {
    return this.blobs.get(blobId) ?? EMPTY;
  }

  filesWithCanary(marker: string): readonly number[] {
    return this.canaries.get(marker) ?? EMPTY;
  }

  serialize(): SerializedFingerprintIndex {
    return {
      version: 1,
      k: this.parameters.k,
      w: this.parameters.w,
      files: [...this.files.values()].map((f) => {
        const fp = f.fingerprints;
        const flat: number[] = new Array<number>(fp.hashes.length * 3);
        for (let i = 0; i < fp.hashes.length; i++) {
          flat[i * 3] = fp.hashes[i]!;
          flat[i * 3 + 1] = fp.startLines[i]!;
          flat[i * 3 + 2] = fp.endLines[i]!;
        }
        return {
          repo: f.repo, path: f.path, blobId: f.blobId, tokenCount: fp.tokenCount,
          lineCount: fp.lineCount, canaries: [...(f.canaries ?? [])], fingerprints: flat,
        };
      }),
    };
  }

  static deserialize(data: SerializedFingerprintIndex): InMemoryFingerprintIndex {
    const index = new InMemoryFingerprintIndex({ k: data.k, w: data.w });
    for (const f of data.files) {
      const n = f.fingerprints.length / 3;
      const hashes = new Uint32Array(n);
      const startLines = new Uint32Array(n);
      const endLines = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        hashes[i] = f.fingerprints[i * 3]!;
        startLines[i] = f.fingerprints[i * 3 + 1]!;
        endLines[i] = f.fingerprints[i * 3 + 2]!;
      }
      index.addFile({
        repo: f.repo, path: f.path, blobId: f.blobId, canaries: f.canaries,
        fingerprints: { hashes, startLines, endLines, tokenCount: f.tokenCount, lineCount: f.lineCount },
      });
    }
    return index;
  }
}

function keyOf(repo: string, path: string): string {
  return `${repo}\u0000${path}`;
}

function pushTo<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

function removeFrom<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (!list) return;
  const at = list.indexOf(id);
  if (at !== -1) list.splice(at, 1);
  if (list.length === 0) map.delete(key);
}
