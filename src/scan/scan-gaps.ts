/**
 * What a history scan could not read, carried in the incremental state from run to run: an
 * unchanged store answers from the state, and must still say that blobs were too large, that
 * history names blobs the store lacks, which submodules were left out, and which stored
 * matches belong to objects since removed (a history rewrite and `git gc --prune=now`).
 */
import type { CommitHeader } from '../git/walk-introductions.js';
import type { Introduction } from '../domain/introduction.js';
import type { CloneGap } from '../domain/finding.js';
import type { MissingObject, ObjectResult, ScanStats } from '../domain/finding.js';

/** Blobs named on stderr and in the report; the count covers them all. */
export const MISSING_EXAMPLES = 5;

export interface ScanGaps {
  tooLarge: number;
  partial: number;
  /** Every missing blob id (for a blobless clone, all of them: a few MB at most). */
  missing: string[];
  missingExamples: MissingObject[];
  submodules: { path: string; commit: string; time: number }[];
  /** Ids of stored matches' objects and introductions' commits no longer in the store. */
  absent: string[];
}

export function emptyGaps(): ScanGaps {
  return { tooLarge: 0, partial: 0, missing: [], missingExamples: [], submodules: [], absent: [] };
}

export function parseGaps(text: string | null | undefined): ScanGaps {
  if (!text) return emptyGaps();
  try {
    return { ...emptyGaps(), ...(JSON.parse(text) as Partial<ScanGaps>) };
  } catch {
    return emptyGaps();
  }
}

/** Collects, during the history walk, the blobs the store lacks and the submodules skipped. */
export class GapCollector {
  private readonly missing = new Map<string, MissingObject | null>();
  private readonly submodules = new Map<string, { path: string; commit: string; time: number }>();

  onMissing = (oid: string, path: string, commit: CommitHeader): void => {
    if (this.missing.has(oid)) return;
    this.missing.set(oid, this.missing.size < MISSING_EXAMPLES ? { blob: oid, path, commit: commit.commit } : null);
  };

  onGitlink = (oid: string, path: string, commit: CommitHeader): void => {
    const known = this.submodules.get(path);
    if (!known || known.time < commit.time) this.submodules.set(path, { path, commit: oid, time: commit.time });
  };

  /** This run's findings merged with what earlier runs recorded and is still true. */
  merge(previous: ScanGaps, stillMissing: (oid: string) => boolean): Pick<ScanGaps, 'missing' | 'missingExamples' | 'submodules'> {
    const missing = new Set(this.missing.keys());
    for (const oid of previous.missing) if (stillMissing(oid)) missing.add(oid);
    const examples = [...this.missing.values()].filter((e): e is MissingObject => e !== null);
    for (const e of previous.missingExamples) {
      if (examples.length < MISSING_EXAMPLES && missing.has(e.blob) && !examples.some((x) => x.blob === e.blob)) examples.push(e);
    }
    const submodules = new Map(previous.submodules.map((s) => [s.path, s]));
    for (const s of this.submodules.values()) {
      const known = submodules.get(s.path);
      if (!known || known.time < s.time) submodules.set(s.path, s);
    }
    return { missing: [...missing], missingExamples: examples, submodules: [...submodules.values()].sort((a, b) => (a.path < b.path ? -1 : 1)) };
  }
}

/** Puts what the state says was left unread into the report's stats. */
export function applyGaps(stats: ScanStats, gaps: ScanGaps, clone: CloneGap[]): void {
  stats.skipped.tooLarge = gaps.tooLarge;
  stats.skipped.partial = gaps.partial;
  stats.skipped.missing = gaps.missing.length;
  stats.skipped.missingExamples = gaps.missingExamples;
  stats.skipped.submodules = gaps.submodules.map(({ path, commit }) => ({ path, commit }));
  const reasons = [...clone, ...(gaps.missing.length > 0 ? (['missing-objects'] as const) : [])];
  stats.incomplete = reasons.length > 0 ? { reasons } : null;
}

/** The stored results without those whose objects (or introducing commits) are gone. */
export function withoutAbsent(
  loaded: { results: ObjectResult[]; introductions: Introduction[] },
  absent: readonly string[],
): { results: ObjectResult[]; introductions: Introduction[] } {
  if (absent.length === 0) return loaded;
  const gone = new Set(absent);
  return {
    results: loaded.results.filter((r) => !gone.has(r.oid)),
    introductions: loaded.introductions.filter((i) => !gone.has(i.oid) && !gone.has(i.commit)),
  };
}
