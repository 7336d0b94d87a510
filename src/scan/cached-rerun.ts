/**
 * A rerun with nothing new to read, answered from its cached report (report-cache.ts): no git,
 * no state opened, no rules parsed. runScan tries it first, and the command line tries it before
 * it loads the scan command at all (cli/scan-from-cache.ts), so this module loads only what the
 * answer needs: the rule files' key, the repository's layout and refs, the cached report.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RuleVariables } from '../detect/apply-rule-variables.js';
import { readRuleSources } from '../detect/rule-sources.js';
import { emptyStats } from '../domain/finding.js';
import type { ScanReport } from '../domain/finding.js';
import { detectIncomplete } from '../git/detect-incomplete.js';
import { guessLocalRepository } from '../git/local-repository.js';
import type { ResolvedTarget } from '../git/local-repository.js';
import { objectStoreFingerprint } from '../git/object-store-fingerprint.js';
import { readHeadCommit } from '../git/read-head.js';
import { parseCachedFindings, peekCachedReport, reportCacheFile, reportCacheKey } from './report-cache.js';
import type { CachedReportText } from './report-cache.js';
import { isS3Target } from './s3/parse-s3-target.js';
import { applyGaps } from './scan-gaps.js';
import { DEFAULT_MAX_BLOB_BYTES, optionsKeyOf } from './scan-options-key.js';

/** What a cached answer depends on, as runScan is given it. */
export interface CachedRerunOptions {
  target: string;
  rulesDirs?: string[];
  variables?: RuleVariables;
  maxBlobBytes?: number;
  ignoreFile?: string;
  baseline?: ReadonlySet<string>;
}

/**
 * A rerun's answer: its report but the findings, and the findings as the JSON report renders them
 * (report/render-json.ts), parsed only when something other than that JSON text is asked for.
 */
export interface CachedAnswer {
  report: Omit<ScanReport, 'findings'>;
  findingCount: number;
  /** UTF-8. */
  findingsJson: Buffer;
}

/** The answer of a rerun with nothing new to read, from its cached report. */
export function answerFrom(cached: CachedReportText, target: ResolvedTarget & { kind: 'git' }, started: number): CachedAnswer {
  // The same stats as the store's own fast path (scan-repository.ts) would give.
  const stats = emptyStats();
  stats.cachedObjects = cached.head.cachedObjects;
  applyGaps(stats, cached.head.gaps, detectIncomplete(target.gitDir));
  stats.durationMs = Date.now() - started;
  return {
    report: { version: 1, tool: 'leakwatch', target: target.display, rulesetHash: cached.head.rulesetHash, stats },
    findingCount: cached.head.findingCount,
    findingsJson: cached.findingsJson,
  };
}

/** The whole report of an answer, or null if its findings cannot be read (the scan then runs). */
export function answerReport(answer: CachedAnswer): ScanReport | null {
  const findings = parseCachedFindings(answer.findingsJson, answer.findingCount);
  return findings ? { ...answer.report, findings } : null;
}

/** True when the work tree has no .leakwatchignore at all; false when it has one, or when that cannot be told (read-ignore-rules.ts then says why). */
function noIgnoreFile(workTree: string): boolean {
  try {
    return statSync(join(workTree, '.leakwatchignore'), { throwIfNoEntry: false }) === undefined;
  } catch {
    return false;
  }
}

/**
 * A local repository's rerun answered from its cached report without running git: the git folder
 * its layout names is the one git named for the report, and for a bare repository HEAD (whose
 * .leakwatchignore counts) has not moved. Null whenever it cannot tell: the caller then resolves
 * the target with git and looks again.
 */
export async function answerWithoutGit(options: CachedRerunOptions, stateDir: string, rulesKey: string, started: number): Promise<CachedAnswer | null> {
  const target = guessLocalRepository(options.target);
  if (!target) return null;
  const peeked = peekCachedReport(reportCacheFile(stateDir, target.key));
  if (!peeked || peeked.origin.gitDir !== target.gitDir) return null;
  let ignoreDigest: string;
  if (!options.ignoreFile && target.workTree && noIgnoreFile(target.workTree)) {
    // What read-ignore-rules.ts reads as no rules (emptyIgnoreRules, digest ''), told without loading it.
    ignoreDigest = '';
  } else if (options.ignoreFile || target.workTree) {
    // A file on disk: read as the scan would (and its errors are the scan's). The parser (and
    // the git it runs for a bare repository's HEAD) loads only here.
    const { readIgnoreRules } = await import('./read-ignore-rules.js');
    ignoreDigest = (await readIgnoreRules(target, options.ignoreFile)).digest;
  } else {
    const head = readHeadCommit(target.gitDir);
    if (head === null || head !== peeked.origin.head) return null;
    ignoreDigest = peeked.origin.ignoreDigest;
  }
  const key = reportCacheKey({
    rulesKey,
    targetKey: target.key,
    fingerprint: objectStoreFingerprint(target.gitDir),
    optionsKey: optionsKeyOf({ maxBlobBytes: options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES }),
    ignoreDigest,
    baseline: options.baseline,
  });
  const cached = peeked.key === key ? peeked.text() : null;
  return cached ? answerFrom(cached, target, started) : null;
}

/**
 * A scan with state (in `stateDir`) of rules read from files, answered from its cached report
 * if one holds, else null; it only reads. The caller has already ruled out what never has a
 * cached report (--no-state, --since, --verify, a ruleset given, an s3:// target is checked here).
 */
export async function answerFromCache(options: CachedRerunOptions & { stateDir: string }): Promise<CachedAnswer | null> {
  const started = Date.now();
  if (isS3Target(options.target)) return null;
  const { key } = readRuleSources(options.rulesDirs ?? [], { variables: options.variables });
  return answerWithoutGit(options, resolve(options.stateDir), key, started);
}
