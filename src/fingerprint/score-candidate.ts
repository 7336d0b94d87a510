/**
 * "Is this ours?" for one candidate text: which of our files it came from, how much of it is
 * ours, and where, on both sides. Three kinds of evidence, strongest first: the same git blob
 * id (a byte-for-byte copy), a canary marker planted in one of our files, and shared winnowed
 * fingerprints. Fingerprints that are in the licence stop-list or in more than
 * `maxFileFrequency` of our files are common and count neither for nor against a candidate.
 *
 * Copying leaves runs: consecutive candidate fingerprints that all match the same file. Two
 * large unrelated files share many scattered k-grams by chance, so only fingerprints in runs of
 * at least `minRun` (allowing `runGap` unmatched fingerprints inside a run) count as matched.
 *
 * Hashes are counted once each: a structure repeated all over a file (a table of links, a
 * list of `key: { enumerable: true }`) is one piece of evidence, not fifty.
 *
 * score = max(containment, matched / saturation), capped at 1. Containment (distinct matched
 * candidate hashes / distinct usable candidate hashes) says how much of the candidate is ours; the
 * second term lets a large excerpt pasted into a large unrelated file count even though it is
 * a small share of it. Defaults were chosen on the benchmark (docs/benchmarks.md, "Code match").
 */
import { gitBlobId } from './blob-id.js';
import { findCanaryMarkers } from './canary.js';
import { fingerprintText } from './fingerprint-text.js';
import type { FingerprintIndexStore, IndexedFile } from './fingerprint-index.js';
import { licenceStopList } from './licence-stop-list.js';
import { mergeLineRanges } from './merge-line-ranges.js';
import { RunCounter } from './run-counter.js';
import type { LineRange } from './merge-line-ranges.js';

export interface ScoreOptions {
  /** Minimum score for a file to be reported (0–1). */
  readonly threshold?: number;
  /** A fingerprint in more of our files than this is common, not evidence. */
  readonly maxFileFrequency?: number;
  /** Matched fingerprints at which the evidence term reaches 1. */
  readonly saturation?: number;
  /** Fewer matched fingerprints than this is never a match, whatever the containment. */
  readonly minMatched?: number;
  /** At most this many source files are reported per candidate. */
  readonly maxMatches?: number;
  /** Shortest run of consecutive matched fingerprints that counts. */
  readonly minRun?: number;
  /** Unmatched fingerprints allowed inside a run (an edited line does not break it). */
  readonly runGap?: number;
}

export const DEFAULT_SCORE_OPTIONS: Required<ScoreOptions> = {
  threshold: 0.4,
  maxFileFrequency: 1000,
  saturation: 20,
  minMatched: 4,
  maxMatches: 10,
  minRun: 4,
  runGap: 1,
};

export type MatchKind = 'blob' | 'canary' | 'fingerprint';

export interface CandidateMatch {
  readonly repo: string;
  readonly path: string;
  readonly blobId: string;
  readonly kind: MatchKind;
  readonly score: number;
  /** Share of the candidate's usable fingerprints found in this file. */
  readonly containment: number;
  /** Share of this file's fingerprints found in the candidate. */
  readonly coverage: number;
  readonly matchedFingerprints: number;
  readonly candidateLines: LineRange[];
  readonly sourceLines: LineRange[];
}

// Matching is synchronous, so one counter (and its per-file arrays) serves every candidate.
const sharedCounter = new RunCounter();

interface FileTally {
  /** Index into the candidate's fingerprints of each match. */
  candidateIndexes: number[];
  /** Ordinal among usable candidate fingerprints, to find runs. */
  ordinals: number[];
}

export function scoreCandidate(
  store: FingerprintIndexStore,
  content: Buffer | string,
  options: ScoreOptions = {},
): CandidateMatch[] {
  const opts = { ...DEFAULT_SCORE_OPTIONS, ...options };
  const text = typeof content === 'string' ? content : content.toString('utf8');
  const fp = fingerprintText(text, store.parameters);
  const exact = exactMatches(store, content, fp.lineCount);
  const canary = canaryMatches(store, text);
  const stop = licenceStopList(store.parameters);

  // Usable fingerprints: not licence prose, not common. Their order gives the run ordinals.
  const usable: number[] = [];
  const postings: (readonly number[])[] = [];
  const firstOfHash: boolean[] = [];
  const distinct = new Set<number>();
  for (let i = 0; i < fp.hashes.length; i++) {
    const h = fp.hashes[i]!;
    if (stop.has(h)) continue;
    const files = store.filesWithHash(h);
    if (files.length > opts.maxFileFrequency) continue;
    usable.push(i);
    postings.push(files);
    firstOfHash.push(!distinct.has(h));
    distinct.add(h);
  }
  const counter = sharedCounter.configure(opts.minRun, opts.runGap);
  for (let ord = 0; ord < usable.length; ord++) {
    for (const id of postings[ord]!) counter.add(id, ord, firstOfHash[ord]!);
  }

  const seen = new Set([...exact, ...canary].map((m) => `${m.repo}\u0000${m.path}`));
  const matches: CandidateMatch[] = [...exact, ...canary];
  // Exact tallies only for the strongest files: a file copied into a family of near-identical
  // files (locales, generated variants) may qualify hundreds of them.
  const ranked = [...counter.finish()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const [id, approx] of ranked) {
    if (matches.length >= opts.maxMatches) break;
    if (approx < opts.minMatched || Math.max(approx / Math.max(distinct.size, 1), approx / opts.saturation) < opts.threshold) continue;
    const kept = inRuns(tallyFor(postings, usable, id), opts.minRun, opts.runGap);
    const hashes = new Set(kept.map((i) => fp.hashes[i]!));
    if (hashes.size < opts.minMatched) continue;
    const containment = hashes.size / Math.max(distinct.size, 1);
    const score = Math.min(1, Math.max(containment, hashes.size / opts.saturation));
    if (score < opts.threshold) continue;
    const file = store.getFile(id);
    if (!file || seen.has(`${file.repo}\u0000${file.path}`)) continue;
    matches.push({
      repo: file.repo,
      path: file.path,
      blobId: file.blobId,
      kind: 'fingerprint',
      score: round(score),
      containment: round(containment),
      coverage: round(hashes.size / Math.max(file.distinctHashes, 1)),
      matchedFingerprints: hashes.size,
      candidateLines: mergeLineRanges(kept.map((i): LineRange => [fp.startLines[i]!, fp.endLines[i]!])),
      sourceLines: sourceRanges(file, hashes),
    });
  }
  matches.sort((a, b) => b.score - a.score || b.matchedFingerprints - a.matchedFingerprints || a.path.localeCompare(b.path));
  return matches.slice(0, opts.maxMatches);
}

/** Where file `id` occurs among the usable candidate fingerprints (postings are ascending). */
function tallyFor(postings: readonly (readonly number[])[], usable: readonly number[], id: number): FileTally {
  const t: FileTally = { candidateIndexes: [], ordinals: [] };
  for (let ord = 0; ord < usable.length; ord++) {
    if (hasId(postings[ord]!, id)) {
      t.candidateIndexes.push(usable[ord]!);
      t.ordinals.push(ord);
    }
  }
  return t;
}

function hasId(sorted: readonly number[], id: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Candidate fingerprint indexes that lie in runs of at least `minRun` matches. */
function inRuns(t: FileTally, minRun: number, gap: number): number[] {
  const kept: number[] = [];
  let start = 0;
  for (let j = 1; j <= t.ordinals.length; j++) {
    if (j < t.ordinals.length && t.ordinals[j]! - t.ordinals[j - 1]! <= gap + 1) continue;
    if (j - start >= minRun) for (let x = start; x < j; x++) kept.push(t.candidateIndexes[x]!);
    start = j;
  }
  return kept;
}

function exactMatches(store: FingerprintIndexStore, content: Buffer | string, lineCount: number): CandidateMatch[] {
  const whole: LineRange[] = lineCount > 0 ? [[1, lineCount]] : [];
  return store.filesWithBlobId(gitBlobId(content)).flatMap((id) => {
    const file = store.getFile(id);
    if (!file) return [];
    return [{
      repo: file.repo, path: file.path, blobId: file.blobId, kind: 'blob' as const, score: 1,
      containment: 1, coverage: 1, matchedFingerprints: file.fingerprints.hashes.length,
      candidateLines: whole, sourceLines: whole,
    }];
  });
}

function canaryMatches(store: FingerprintIndexStore, text: string): CandidateMatch[] {
  const out: CandidateMatch[] = [];
  for (const marker of findCanaryMarkers(text)) {
    const candidateLines = mergeLineRanges(linesContaining(text, marker).map((l): LineRange => [l, l]));
    for (const id of store.filesWithCanary(marker)) {
      const file = store.getFile(id);
      if (!file) continue;
      out.push({
        repo: file.repo, path: file.path, blobId: file.blobId, kind: 'canary', score: 1,
        containment: 0, coverage: 0, matchedFingerprints: 0, candidateLines, sourceLines: [],
      });
    }
  }
  return out;
}

function linesContaining(text: string, needle: string): number[] {
  const out: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.includes(needle)) out.push(i + 1);
  });
  return out;
}

function sourceRanges(file: IndexedFile, hashes: ReadonlySet<number>): LineRange[] {
  const fp = file.fingerprints;
  const ranges: LineRange[] = [];
  for (let i = 0; i < fp.hashes.length; i++) {
    if (hashes.has(fp.hashes[i]!)) ranges.push([fp.startLines[i]!, fp.endLines[i]!]);
  }
  return mergeLineRanges(ranges);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
