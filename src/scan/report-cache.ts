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
 *
 * The file: the key, the origin (how the key's inputs were found), the report's head (its
 * ruleset hash, what the state holds and left unread, the number of findings and the SHA-256 of
 * the findings' text), each on a line, then the findings as the JSON report renders them
 * (report/render-json.ts), so a JSON report of them is written without parsing them again.
 */
import { createHash } from 'node:crypto';
import { readFileSync, unlinkSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE_VERSION } from '../detect/engine-version.js';
import { LeakwatchError } from '../errors.js';
import type { Finding } from '../domain/finding.js';
import { VERSION } from '../version.js';
import { renderJsonFindings } from '../report/render-json.js';
import { writeFileSafely } from '../util/write-file-safely.js';
import type { ScanGaps } from './scan-gaps.js';

/** Bump when what the file holds, or how a report is made from it, changes. */
const FORMAT = 2;

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
 * How the key's inputs were found when the report was made: the git folder git named, for a
 * bare repository's HEAD:.leakwatchignore the commit HEAD named and the file's digest, so a
 * rerun can check them without running git (HEAD unmoved: the same file), and the rule files'
 * stamp with their key, so it can check them without reading them.
 */
export interface CachedReportOrigin {
  gitDir: string;
  head: string | null;
  ignoreDigest: string;
  /**
   * The rules key the report's key was made with, and the stamp of the rule files taken before
   * they were read for it (detect/rule-stamp.ts), when one could be taken: a rerun that finds the
   * files with the same stamp takes this key without reading them.
   */
  rules?: { key: string; stamp: string };
}

/** What a cached report holds besides its findings. */
export interface CachedReportHead {
  rulesetHash: string;
  cachedObjects: number;
  gaps: ScanGaps;
  findingCount: number;
  /** SHA-256 of the findings' text: a damaged file is read as none, not written out as a report. */
  findingsSha256: string;
}

/** A cached report as kept: its head, and its findings as the JSON report renders them (UTF-8). */
export interface CachedReportText {
  head: CachedReportHead;
  findingsJson: Buffer;
}

export interface PeekedReport {
  key: string;
  origin: CachedReportOrigin;
  /** The head and the findings' text, checked only once the key has matched; null if damaged. */
  text: () => CachedReportText | null;
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

const NEWLINE = 0x0a;

/** The cached report's key and origin (first two lines), or null (none, or unreadable). */
export function peekCachedReport(file: string): PeekedReport | null {
  // Read as bytes: the findings are hashed and written out as they are, never decoded for a JSON report.
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  const first = bytes.indexOf(NEWLINE);
  const second = first < 0 ? -1 : bytes.indexOf(NEWLINE, first + 1);
  if (second < 0) return null;
  let origin: CachedReportOrigin;
  try {
    origin = JSON.parse(bytes.toString('utf8', first + 1, second)) as CachedReportOrigin;
  } catch {
    return null;
  }
  if (typeof origin?.gitDir !== 'string' || typeof origin.ignoreDigest !== 'string') return null;
  return {
    key: bytes.toString('utf8', 0, first),
    origin,
    text: () => {
      const third = bytes.indexOf(NEWLINE, second + 1);
      if (third < 0) return null;
      let head: CachedReportHead;
      try {
        head = JSON.parse(bytes.toString('utf8', second + 1, third)) as CachedReportHead;
      } catch {
        return null;
      }
      const findingsJson = bytes.subarray(third + 1);
      const whole = typeof head?.rulesetHash === 'string' && Number.isInteger(head.findingCount) && head.findingsSha256 === sha256(findingsJson);
      return whole ? { head, findingsJson } : null;
    },
  };
}

/** A cached report's findings, parsed, or null if they are not the list its head says. */
export function parseCachedFindings(findingsJson: Buffer, findingCount: number): Finding[] | null {
  try {
    const findings = JSON.parse(findingsJson.toString('utf8')) as Finding[];
    return Array.isArray(findings) && findings.length === findingCount ? findings : null;
  } catch {
    return null;
  }
}

/** The cached report under this key, as kept, or null (none, another key, or unreadable). */
export function readCachedReportText(file: string, key: string): CachedReportText | null {
  const peeked = peekCachedReport(file);
  return peeked?.key === key ? peeked.text() : null;
}

/** Written whole or not at all (a temporary file renamed over the old one). */
export function writeCachedReport(file: string, key: string, origin: CachedReportOrigin, report: CachedReport): void {
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    const findingsJson = Buffer.from(renderJsonFindings(report.findings));
    const head: CachedReportHead = {
      rulesetHash: report.rulesetHash,
      cachedObjects: report.cachedObjects,
      gaps: report.gaps,
      findingCount: report.findings.length,
      findingsSha256: sha256(findingsJson),
    };
    writeFileSafely(file, Buffer.concat([Buffer.from(`${key}\n${JSON.stringify(origin)}\n${JSON.stringify(head)}\n`), findingsJson]));
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
