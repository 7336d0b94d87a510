/**
 * The watch's small interfaces: where its state lives (`WatchStateStore`), where what it finds
 * goes (`PublicExposureSink`, implemented by the incident engine), and the candidate files the
 * public sources hand to matching. Kept free of store and incident code so the watch can be
 * built and tested on its own.
 */
import type { Indicator } from '../domain/indicator.js';
import type { LineRange } from '../fingerprint/merge-line-ranges.js';

/**
 * Key/value state of the watch: ETags, cursors, poll-not-before times, and ids already handled.
 * Synchronous like better-sqlite3, so a state write happens right after the work it records.
 */
export interface WatchStateStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  /** Whether `id` was marked in `scope` (a source's events, candidates, delivered exposures). */
  hasSeen(scope: string, id: string): boolean;
  markSeen(scope: string, id: string): void;
}

export type PublicExposureKind = 'code-exposure' | 'credential-exposure';

export interface MatchedFile {
  /** Path of our file in `repository`. */
  path: string;
  score: number;
  /** Lines of the public candidate that match this file. */
  candidateLines: LineRange[];
  /** Lines of our file that the candidate holds. */
  sourceLines: LineRange[];
}

/** Something of ours found in public: a copy of our code, or one of our secrets. */
export interface PublicExposure {
  kind: PublicExposureKind;
  public: true;
  /** Where anyone can see it (a GitHub file or gist page). */
  url: string;
  /** Our repository whose code or secret it is; its owner receives the incident. */
  repository: string;
  /** 0–1; 1 for a known secret, a byte-identical copy or a canary marker. */
  score: number;
  matchedFiles: MatchedFile[];
  /** Lines of the public file holding the match. */
  lines: LineRange[];
  secretSha256?: string;
  redacted?: string;
  ruleId?: string;
  /** The public source that found it (`github-events`, `github-code-search`, `github-gists`, `aws-canary-keys`). */
  source: string;
  /** Where the public file lives (`owner/repo` or `gist:<id>`), independent of commit. */
  publicLocation: string;
  /** The file's path there. */
  publicPath: string;
  /** Set when a canary key of the repository was used: what CloudTrail recorded, oldest first. */
  canaryUses?: CanaryKeyUse[];
}

/** One call made with a canary key, as CloudTrail recorded it. */
export interface CanaryKeyUse {
  eventId: string;
  eventName: string;
  /** The service called, e.g. `sts.amazonaws.com`. */
  eventSource: string;
  /** ISO-8601. */
  time: string;
  sourceIp: string;
  userAgent: string;
  region: string;
  /** Usually `AccessDenied`: the key has no permissions. */
  errorCode?: string;
}

/**
 * Receives exposures; the incident engine opens or joins an incident for each one. It resolves
 * `'deferred'` when it could not answer the exposure now (another actor holds its incident, or
 * the response failed): the watch keeps it and delivers it again at its next cycle.
 */
export interface PublicExposureSink {
  deliver(exposure: PublicExposure): Promise<'deferred' | void>;
  /** Indicators (GuardDuty, CloudTrail): joined to the incidents of the code they concern. */
  deliverIndicator?(indicator: Indicator): Promise<'deferred' | void>;
}

/** One public file a source fetched, to be matched. */
export interface Candidate {
  /** Stable across polls for the same content at the same place: seen ids use it. */
  id: string;
  /** Public page of the file. */
  url: string;
  /** `owner/repo` or `gist:<id>`. */
  publicLocation: string;
  path: string;
  content: Buffer;
}

/**
 * Hashes of secrets found in our repositories (or held in our inventory), each with the
 * repositories holding it. An empty list means the secret is ours but no repository is known.
 */
export type KnownSecrets = ReadonlyMap<string, readonly string[]>;
