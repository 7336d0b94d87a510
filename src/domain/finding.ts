/**
 * What a scan produces: per-object matches (safe to store: no secret, only its hash and a
 * redacted preview), where each object entered history, and the grouped findings of the
 * report contract in DESIGN.md.
 */
import type { Confidence, RuleKind, Severity } from '../detect/types.js';

export interface SafeMatch {
  ruleId: string;
  secretSha256: string;
  redacted: string;
  line: number;
  endLine: number;
  column: number;
  related?: { ruleId: string; secretSha256: string; redacted: string };
  /** Path-restricted rules this match yields to where they apply (RawMatch.yieldsTo). */
  yieldsTo?: string[];
  /** The match's own level from the text (RawMatch.confidence); absent, the rule's applies. */
  confidence?: Confidence;
}

/** Who and when, for objects that carry it themselves (commit and tag messages). */
export interface ObjectMeta {
  commit: string;
  time: number;
  author: string;
  email: string;
}

export interface ObjectResult {
  oid: string;
  type: 'blob' | 'commit' | 'tag' | 'file';
  /** For plain-directory files: the relative path. */
  path?: string;
  matches: SafeMatch[];
  meta?: ObjectMeta;
  /** Matching stopped at the time budget; the matches found until then are kept. */
  partial?: boolean;
}

export interface ChunkResult {
  results: ObjectResult[];
  objects: number;
  bytes: number;
  binary: number;
  /** Plain files over the size limit, found so as they were opened. */
  tooLarge: number;
  partial: number;
  /** Ids of the objects cut short by the time budget: they stay unscanned in the state. */
  partialOids: string[];
  /** Plain files that could not be read (path and the error code). */
  unreadable: UnreadablePath[];
}

export interface UnreadablePath {
  path: string;
  /** The system's error code (EACCES, EIO, ...). */
  error: string;
}

/** A submodule commit recorded in history: its contents live in another repository. */
export interface SkippedSubmodule {
  path: string;
  /** The newest commit the superproject points at for this path. */
  commit: string;
}

/** A blob named by a tree of a scanned commit but absent from the object store. */
export interface MissingObject {
  blob: string;
  path: string;
  commit: string;
}

/** Why a repository's history could not be read whole. */
/** Why a repository cannot be scanned whole: a shallow or partial clone, or blobs its history names but its store lacks. */
export type CloneGap = 'shallow' | 'partial-clone';
/** `unread-objects`: S3 objects or archive members not read whole (too large, damaged, an expansion or nesting limit). */
export type IncompleteReason = CloneGap | 'missing-objects' | 'unread-objects';

export interface SkippedStats {
  /** Over --max-blob-bytes. */
  tooLarge: number;
  /** Not text. */
  binary: number;
  /** Hostile content that hit the time budget (matched only in part; read again next run). */
  partial: number;
  /** Blobs that history names but the object store does not hold. */
  missing: number;
  /** A few of the missing blobs, to name on stderr. */
  missingExamples: MissingObject[];
  /** Plain-directory files and folders that could not be read. */
  unreadable: number;
  unreadablePaths: UnreadablePath[];
  /** Gitlinks (submodules) in history: not scanned, since their objects are elsewhere. */
  submodules: SkippedSubmodule[];
}

export interface Location {
  commit: string | null;
  path: string | null;
  line: number;
  endLine: number;
  column: number;
  blob: string | null;
  date: string | null;
  author: string | null;
  email: string | null;
}

export interface Finding {
  id: string;
  ruleId: string;
  title: string;
  severity: Severity;
  kind: RuleKind;
  /**
   * How sure leakwatch is that this is a real secret: the highest level among its locations
   * (its most exposed place), see scan/finding-confidence.ts.
   */
  confidence: Confidence;
  secretSha256: string;
  redacted: string;
  commit: string | null;
  author: string | null;
  email: string | null;
  date: string | null;
  path: string | null;
  line: number;
  endLine: number;
  column: number;
  blob: string | null;
  verified: boolean | null;
  related?: { ruleId: string; secretSha256: string; redacted: string };
  locations: Omit<Location, 'column' | 'date' | 'author' | 'email'>[];
}

export interface ScanStats {
  commits: number;
  blobs: number;
  bytes: number;
  durationMs: number;
  /** Objects in the store that earlier runs had already scanned under this ruleset. */
  cachedObjects: number;
  skipped: SkippedStats;
  /** null when everything was read; else why not (the CLI exits 2 unless --allow-incomplete). */
  incomplete: { reasons: IncompleteReason[] } | null;
  /** Where the time went: listing objects, matching, attributing, saving state (ms). */
  phases?: { enumerateMs: number; scanMs: number; attributeMs: number; saveMs: number };
}

export function emptyStats(): ScanStats {
  return {
    commits: 0,
    blobs: 0,
    bytes: 0,
    durationMs: 0,
    cachedObjects: 0,
    skipped: { tooLarge: 0, binary: 0, partial: 0, missing: 0, missingExamples: [], unreadable: 0, unreadablePaths: [], submodules: [] },
    incomplete: null,
  };
}

export interface ScanReport {
  version: 1;
  tool: 'leakwatch';
  target: string;
  rulesetHash: string;
  stats: ScanStats;
  findings: Finding[];
}
