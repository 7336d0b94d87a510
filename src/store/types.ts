/**
 * Persistence interface. Callers depend on this, never on a backend, so the embedded SQLite
 * store can be swapped for PostgreSQL (scale-out) without touching them.
 */
import type { Introduction } from '../domain/introduction.js';
import type { Repository } from '../domain/repository.js';
import type { Finding, ObjectResult } from '../domain/finding.js';

export interface TargetState {
  id: number;
  key: string;
  rulesetHash: string;
  /** Fingerprint of the object store at the last completed scan, if any. */
  storeFingerprint: string | null;
  /** The options that change what is read (e.g. --max-blob-bytes) at the last scan. */
  optionsKey: string | null;
  /** What the last scan left unread, as the scanner serialised it (opaque to the store). */
  gaps: string | null;
}

export interface ScanDelta {
  /** Every object id scanned in this run (blobs, commits, tags), with or without matches. */
  scanned: string[];
  /** Objects with matches (and commit/tag metadata) found in this run. */
  results: ObjectResult[];
  /** Where objects with matches entered history, found in this run. */
  introductions: Introduction[];
  /** null keeps the next run off the fast path (e.g. blobs were cut short and must be read again). */
  storeFingerprint: string | null;
  optionsKey: string;
  gaps: string;
}

export interface ScanStore {
  /** Opens (or creates) a target's state; a different ruleset hash discards what was scanned. */
  openTarget(key: string, rulesetHash: string): TargetState;
  scannedObjects(targetId: number): Set<string>;
  scannedCount(targetId: number): number;
  /**
   * Records a completed scan in one transaction: all of it, or none of it. `within` runs in
   * that same transaction after the delta is written (e.g. to record the findings with it).
   */
  saveScan(targetId: number, delta: ScanDelta, within?: () => void): void;
  loadResults(targetId: number): { results: ObjectResult[]; introductions: Introduction[] };
  close(): void;
}

/** A repository as the monitor knows it: its inventory record and how its last mirror went. */
export interface StoredRepository {
  id: string;
  name: string;
  cloneUrl: string;
  ownerEmail: string | null;
  team: string | null;
  classification: string;
  /** The full inventory record as last seen. */
  repository: Repository;
  lastMirrorAt: string | null;
  lastMirrorOk: boolean | null;
  lastMirrorError: string | null;
  lastMirrorOkAt: string | null;
}

export interface MirrorOutcome {
  ok: boolean;
  error?: string;
  at: Date;
}

export interface RepositoryStore {
  /** Adds or updates inventory records; mirror history of known repositories is kept. */
  upsertRepositories(repositories: readonly Repository[]): void;
  listRepositories(): StoredRepository[];
  getRepository(id: string): StoredRepository | null;
  recordMirror(id: string, outcome: MirrorOutcome): void;
}

export type FindingStatus = 'open';

/** A finding of one repository, kept across scans: first and last time a scan reported it. */
export interface StoredFinding {
  repositoryId: string;
  finding: Finding;
  status: FindingStatus;
  firstSeen: string;
  lastSeen: string;
}

export interface FindingStore {
  /**
   * Records what one scan of a repository reported, in one transaction. Findings are keyed by
   * their stable id, so recording the same scan twice (a retry after a crash) adds nothing.
   * Returns the findings this repository had not reported before. In the same transaction, every
   * finding to respond to (new, or known and found in a new place) is queued in the outbox.
   */
  recordFindings(repositoryId: string, findings: readonly Finding[], seenAt: Date): StoredFinding[];
  listFindings(repositoryId?: string): StoredFinding[];
  /** Open findings per severity, over all repositories. */
  countOpenFindings(): Record<string, number>;
}

/** A finding waiting for its response; `seq` grows each time the same finding is queued again. */
export interface OutboxItem {
  seq: number;
  repositoryId: string;
  finding: Finding;
}

/**
 * The response outbox: findings recorded by a scan and not yet answered by the incident engine.
 * Keys are unique per repository and finding, so queueing twice is one item; a consumer that
 * dies before `completeResponses` leaves the item for the next one.
 */
export interface ResponseOutbox {
  /** Items waiting, oldest first; only one repository's when given. */
  pendingResponses(repositoryId?: string): OutboxItem[];
  /** Removes answered items; one queued again since it was read (a newer `seq`) stays. */
  completeResponses(items: readonly OutboxItem[]): void;
}

/** Where a public watch source got to: a value, the HTTP ETag of its last poll, a cursor. */
export interface WatchState {
  value: string | null;
  etag: string | null;
  cursor: string | null;
  updatedAt: string;
}

/** Per-key watch cursors on the monitor store; the watchers use `WatchStateStore` in src/watch/types.ts. */
export interface WatchCursorStore {
  getWatchState(key: string): WatchState | null;
  setWatchState(key: string, state: Omit<WatchState, 'updatedAt'>): void;
}

/**
 * The SNS MessageIds the webhook acted on, kept across restarts so a delivery repeated after one
 * is still a repeat. Rows whose message was sent before `expireBefore` are dropped on each claim.
 */
export interface SeenMessageStore {
  /** Records the id; false when it is already recorded (a repeat). */
  claimMessageId(messageId: string, sentAt: number, expireBefore: number): boolean;
  /** Forgets an id whose handling failed, so a retry of it is handled. */
  releaseMessageId(messageId: string): void;
  seenMessageIdCount(): number;
}

/** Everything the daemon keeps; one backend implements all of it. */
export interface MonitorStore extends ScanStore, RepositoryStore, FindingStore, ResponseOutbox, WatchCursorStore, SeenMessageStore {}

/**
 * Per-repository leases (PostgreSQL store): one replica runs a repository's job at a time; a
 * killed holder's lease lapses at `until`.
 */
export interface RepositoryLeaseStore {
  /** Takes or renews the lease; true when it was free, expired at `now`, or already `holder`'s. */
  acquireRepositoryLease(repositoryId: string, holder: string, now: Date, until: Date): boolean;
  releaseRepositoryLease(repositoryId: string, holder: string): void;
}
