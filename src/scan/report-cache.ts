/**
 * The report of a scan with state, kept beside the state (`<state>/reports/`), so a rerun that
 * has nothing new to read answers without opening the database, loading the rules or grouping
 * every stored match into findings again (issue 14: a rerun in 0.15 s).
 *
 * A cached report holds for one target under one key: the rule files and variables (and so the
 * engine version), the object store's fingerprint, the options that change what a scan reads,
 * the ignore file's text, the baseline and the package version. It is written only from state a
 * scan has just committed (or read on the store's own fast path), and deleted before any scan
 * of the target saves state, so it never outlives the state it was made from: after a kill -9
 * at any point there is either no cached report or one that matches the committed state.
 */
import { createHash } from 'node:crypto';
import { readFileSync, unlinkSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE_VERSION } from '../detect/engine-version.js';
import { LeakwatchError } from '../errors.js';
import type { Finding } from '../domain/finding.js';
import { VERSION } from '../version.js';
import { writeFileSafely } from '../util/write-file-safely.js';
import type { ScanGaps } from './scan-gaps.js';

/** Bump when what the file holds, or how a report is made from it, changes. */
const FORMAT = 1;

export interface ReportCacheKey {
  /** rulesSourceKey / Ruleset.sourceKey: the rule files, the variables, the engine version. */
  rulesKey: string;
  targetKey: string;
  /** objectStoreFingerprint of the repository, as the state saved it. */
  fingerprint: string;
  /** The scan options the state was saved under (scan-repository.ts optionsKeyOf). */
  optionsKey: string;
  /** IgnoreRules.digest. */
  ignoreDigest: string;
  baseline?: ReadonlySet<string>;
}

export interface CachedReport {
  rulesetHash: string;
  /** What the rerun's stats say: objects the state holds, and what it left unread. */
  cachedObjects: number;
  gaps: ScanGaps;
  findings: Finding[];
}

export function reportCacheFile(stateDir: string, targetKey: string): string {
  return join(stateDir, 'reports', `${createHash('sha256').update(targetKey).digest('hex').slice(0, 32)}.json`);
}

export function reportCacheKey(key: ReportCacheKey): string {
  const baseline = key.baseline ? [...key.baseline].sort() : null;
  return createHash('sha256')
    .update(JSON.stringify([FORMAT, VERSION, ENGINE_VERSION, key.rulesKey, key.targetKey, key.fingerprint, key.optionsKey, key.ignoreDigest, baseline]))
    .digest('hex');
}

/**
 * How the key's inputs were found when the report was made: the git folder git named, and for a
 * bare repository's HEAD:.leakwatchignore, the commit HEAD named and the file's digest, so a
 * rerun can check them without running git (HEAD unmoved: the same file).
 */
export interface CachedReportOrigin {
  gitDir: string;
  head: string | null;
  ignoreDigest: string;
}

export interface PeekedReport {
  key: string;
  origin: CachedReportOrigin;
  /** The report itself, parsed only once the key has matched; null if damaged. */
  report: () => CachedReport | null;
}

/** The cached report's key and origin (first two lines), or null (none, or unreadable). */
export function peekCachedReport(file: string): PeekedReport | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const first = text.indexOf('\n');
  const second = first < 0 ? -1 : text.indexOf('\n', first + 1);
  if (second < 0) return null;
  let origin: CachedReportOrigin;
  try {
    origin = JSON.parse(text.slice(first + 1, second)) as CachedReportOrigin;
  } catch {
    return null;
  }
  if (typeof origin?.gitDir !== 'string' || typeof origin.ignoreDigest !== 'string') return null;
  return {
    key: text.slice(0, first),
    origin,
    report: () => {
      try {
        const cached = JSON.parse(text.slice(second + 1)) as CachedReport;
        return Array.isArray(cached.findings) && typeof cached.rulesetHash === 'string' ? cached : null;
      } catch {
        return null;
      }
    },
  };
}

/** The cached report under this key, or null (none, another key, or unreadable). */
export function readCachedReport(file: string, key: string): CachedReport | null {
  const peeked = peekCachedReport(file);
  return peeked?.key === key ? peeked.report() : null;
}

/** Written whole or not at all (a temporary file renamed over the old one). */
export function writeCachedReport(file: string, key: string, origin: CachedReportOrigin, report: CachedReport): void {
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSafely(file, `${key}\n${JSON.stringify(origin)}\n${JSON.stringify(report)}`);
  } catch {
    // A report that cannot be cached only costs the next run its time.
  }
}

/** Before a scan saves state: the cached report would no longer say what the state says. */
export function dropCachedReport(file: string): void {
  try {
    unlinkSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // Left in place, it would answer the next rerun for state this scan is about to change.
    if (code !== 'ENOENT') throw new LeakwatchError('state', `cannot remove the cached report ${file} (${code ?? 'error'}); check --state`, { cause: err });
  }
}
