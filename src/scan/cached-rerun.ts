/**
 * A rerun with nothing new to read, answered from its cached report (report-cache.ts): no git,
 * no state opened, no rules parsed. runScan tries it first, and the command line tries it before
 * it loads the scan command at all (cli/scan-from-cache.ts), so this module loads only what the
 * answer needs: the rule files' key (or only their stamp), the repository's layout and refs, the
 * cached report, the ignore file's digest (never its parser).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RuleVariables } from '../detect/apply-rule-variables.js';
import { currentRulesStamp, readRuleSources } from '../detect/rule-sources.js';
import { emptyStats } from '../domain/finding.js';
import type { ScanReport } from '../domain/finding.js';
import { detectIncomplete } from '../git/detect-incomplete.js';
import { guessLocalRepository } from '../git/local-repository.js';
import type { ResolvedTarget } from '../git/local-repository.js';
import { objectStoreFingerprint } from '../git/object-store-fingerprint.js';
import { readHeadCommit } from '../git/read-head.js';
import { ignoreDigest as digestOf } from './ignore-digest.js';
import { parseCachedFindings, peekCachedReport, reportCacheFile, reportCacheKey } from './report-cache.js';
import type { CachedReportOrigin, CachedReportText } from './report-cache.js';
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

/**
 * The digest readIgnoreRules (read-ignore-rules.ts) gives the ignore file read from disk: the
 * file --ignore-file names, else the work tree's .leakwatchignore ('' when it has none). Read as
 * that reader reads it, but not parsed; null when it cannot be read, for the scan to say why.
 */
function ignoreFileDigest(file: string, optional: boolean): string | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return optional && (err as NodeJS.ErrnoException).code === 'ENOENT' ? '' : null;
  }
  return digestOf(text);
}

/**
 * A local repository's rerun answered from its cached report without running git: the git folder
 * its layout names is the one git named for the report, and for a bare repository HEAD (whose
 * .leakwatchignore counts) has not moved. Null whenever it cannot tell: the caller then resolves
 * the target with git and looks again.
 */
export async function answerWithoutGit(
  options: CachedRerunOptions,
  stateDir: string,
  rulesKeyOf: (origin: CachedReportOrigin) => string,
  started: number,
): Promise<CachedAnswer | null> {
  const target = guessLocalRepository(options.target);
  if (!target) return null;
  const peeked = peekCachedReport(reportCacheFile(stateDir, target.key));
  if (!peeked || peeked.origin.gitDir !== target.gitDir) return null;
  let ignoreDigest: string | null;
  if (options.ignoreFile) {
    ignoreDigest = ignoreFileDigest(options.ignoreFile, false);
  } else if (target.workTree) {
    ignoreDigest = ignoreFileDigest(join(target.workTree, '.leakwatchignore'), true);
  } else {
    // HEAD:.leakwatchignore of a bare repository: the same file as long as HEAD names the same commit.
    const head = readHeadCommit(target.gitDir);
    ignoreDigest = head !== null && head === peeked.origin.head ? peeked.origin.ignoreDigest : null;
  }
  if (ignoreDigest === null) return null;
  const key = reportCacheKey({
    rulesKey: rulesKeyOf(peeked.origin),
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
  const dirs = options.rulesDirs ?? [];
  const rules = { variables: options.variables };
  // The rule files as they are now: stated, and read and hashed only if the report's stamp is not theirs.
  const rulesKeyOf = ({ rules: made }: CachedReportOrigin): string =>
    typeof made?.stamp === 'string' && currentRulesStamp(dirs, rules) === made.stamp ? made.key : readRuleSources(dirs, rules).key;
  return answerWithoutGit(options, resolve(options.stateDir), rulesKeyOf, started);
}
