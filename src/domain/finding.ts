/**
 * What a scan produces: per-object matches (safe to store: no secret, only its hash and a
 * redacted preview), where each object entered history, and the grouped findings of the
 * report contract in DESIGN.md.
 */
import type { Severity } from '../detect/types.js';

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
  partial: number;
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
  kind: 'credential' | 'sensitive-data';
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
  /** tooLarge: over --max-blob-bytes; binary: not text; partial: hostile content that hit the time budget. */
  skipped: { tooLarge: number; binary: number; partial: number };
  /** Where the time went: listing objects, matching, attributing, saving state (ms). */
  phases?: { enumerateMs: number; scanMs: number; attributeMs: number; saveMs: number };
}

export interface ScanReport {
  version: 1;
  tool: 'leakwatch';
  target: string;
  rulesetHash: string;
  stats: ScanStats;
  findings: Finding[];
}
