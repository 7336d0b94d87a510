/**
 * `scan` end to end: resolve the target, load rules, scan (history or files), group into
 * findings, apply ignore rules and the baseline, and return the report of the JSON contract.
 */
import { join, resolve } from 'node:path';
import type { RuleVariables } from '../detect/apply-rule-variables.js';
import { readRuleSources } from '../detect/rule-sources.js';
import type { RuleSources } from '../detect/rule-sources.js';
import type { Ruleset } from '../detect/types.js';
import { objectStoreFingerprint } from '../git/object-store-fingerprint.js';
import { readHeadCommit } from '../git/read-head.js';
import { resolveTarget } from '../git/resolve-target.js';
import type { VerifySecret } from '../domain/verification.js';
import { LeakwatchError } from '../errors.js';
import type { ScanStore } from '../store/types.js';
import { checkIgnoredRuleIds, emptyIgnoreRules } from './ignore-rules.js';
import { stateError } from '../store/state-error.js';
import { lockTarget } from './lock-target.js';
import type { ScanProgress } from './progress.js';
import { readIgnoreRules } from './read-ignore-rules.js';
import { DEFAULT_MAX_BLOB_BYTES, optionsKeyOf } from './scan-options-key.js';
import { answerFrom, answerReport, answerWithoutGit } from './cached-rerun.js';
import { dropCachedReport, readCachedReportText, reportCacheFile, reportCacheKey, writeCachedReport } from './report-cache.js';
import { isS3Target } from './s3/parse-s3-target.js';
import type { S3ObjectSource } from './s3/s3-object-source.js';
import { checkWorkerCount, defaultWorkerCount } from './worker-count.js';
import type { ScanReport } from '../domain/finding.js';

// The matcher, the scanners and the grouping load only when there is something to scan: a
// rerun answered from its cached report (report-cache.ts) needs none of them.
const loadRulesModule = () => import('../detect/load-rules.js');

export { DEFAULT_MAX_BLOB_BYTES } from './scan-options-key.js';

export interface RunScanOptions {
  target: string;
  /** Folder for incremental state and mirrors; null keeps nothing. */
  stateDir: string | null;
  /**
   * Opens the incremental state in `stateDir` (the CLI passes store/open-store.ts's
   * `openScanStore`): the scan never picks a store backend itself. Required with a `stateDir`.
   */
  openStore?: (stateDir: string) => ScanStore;
  /**
   * The same opener, loaded only when the scan must open the state (the CLI's store modules
   * load SQLite): a rerun answered from its cached report (report-cache.ts) never does.
   */
  loadOpenStore?: () => Promise<(stateDir: string) => ScanStore>;
  rulesDirs?: string[];
  ruleset?: Ruleset;
  variables?: RuleVariables;
  maxBlobBytes?: number;
  /** s3:// targets: where objects are read from (the CLI gives src/aws/s3's; scan/ knows no AWS). */
  s3Source?: () => S3ObjectSource;
  /** s3:// targets: decompressed bytes one object may expand to (s3/scan-s3.ts). */
  maxArchiveBytes?: number;
  workers?: number;
  since?: string;
  baseline?: Set<string>;
  ignoreFile?: string;
  onProgress?: (p: ScanProgress) => void;
  onMirror?: (url: string) => void;
  /** `--verify`: check each credential finding live through this service (verify-findings.ts). */
  verify?: VerifySecret;
  onVerifyProgress?: (done: number, total: number) => void;
  /** How long to wait for another scan of the same target under the same state (ms). */
  lockWaitMs?: number;
  /** Told once when the scan waits for another one (stderr in the CLI). */
  onLockWait?: (message: string) => void;
}

/** `loadOpenStore`, when given, loaded into `openStore`. */
async function withStoreOpener(options: RunScanOptions): Promise<RunScanOptions> {
  if (options.openStore !== undefined || options.loadOpenStore === undefined || options.stateDir === null) return options;
  return { ...options, openStore: await options.loadOpenStore() };
}

function openStateStore(options: RunScanOptions, stateDir: string): ScanStore {
  // A caller that forgets the opener would silently scan everything every time: refuse instead.
  if (options.openStore === undefined) throw new LeakwatchError('state', 'runScan was given a state folder but no openStore to open it with.');
  return options.openStore(stateDir);
}

/** `sources`: the rule files read already for these options (the report cache's key), not read again. */
async function loadRuleset(options: RunScanOptions, sources: RuleSources | null = null): Promise<Ruleset> {
  if (options.ruleset) return options.ruleset;
  const { loadRules } = await loadRulesModule();
  return loadRules(options.rulesDirs ?? [], {
    variables: options.variables,
    cacheFile: options.stateDir ? join(resolve(options.stateDir), 'rules-cache.json') : undefined,
    ...(sources ? { sources } : {}),
  });
}

export async function runScan(given: RunScanOptions): Promise<ScanReport> {
  const started = Date.now();
  const stateDir = given.stateDir ? resolve(given.stateDir) : null;
  // A repository scan with state, of rules read here, can be answered from its cached report.
  const cacheable =
    stateDir !== null && (given.openStore !== undefined || given.loadOpenStore !== undefined)
    && !given.ruleset && !given.since && !given.verify && !isS3Target(given.target);
  let options = cacheable ? given : await withStoreOpener(given);
  // Read the rule files (their errors come first, as before) but parse and compile them only if needed.
  const sources = cacheable ? readRuleSources(options.rulesDirs ?? [], { variables: options.variables }) : null;
  const rulesKey = sources?.key ?? null;
  if (rulesKey !== null && stateDir !== null) {
    // Nothing new in the object store, the same rules, options, ignore file and baseline.
    const hit = await answerWithoutGit(options, stateDir, () => rulesKey, started);
    const report = hit && answerReport(hit);
    if (report) return report;
  }
  let ruleset = cacheable ? null : await loadRuleset(options);
  if (isS3Target(options.target)) return runS3Report(options, ruleset!, stateDir);
  const target = await resolveTarget(options.target, {
    stateDir: stateDir ?? resolve('.leakwatch'),
    onMirror: options.onMirror,
  });
  const maxBlobBytes = options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES;
  // HEAD before and after reading HEAD:.leakwatchignore: the commit the file was read from, if it held still.
  const headOf = () => (target.kind === 'git' && !target.workTree && !options.ignoreFile ? readHeadCommit(target.gitDir) : null);
  const headBefore = headOf();
  const ignore = await readIgnoreRules(target, options.ignoreFile);
  const head = headBefore !== null && headOf() === headBefore ? headBefore : null;
  const cache =
    rulesKey !== null && stateDir !== null && target.kind === 'git'
      ? {
          file: reportCacheFile(stateDir, target.key),
          origin: { gitDir: target.gitDir, head, ignoreDigest: ignore.digest, ...(sources?.stamp ? { rules: { key: rulesKey, stamp: sources.stamp } } : {}) },
          key: (fingerprint: string, optionsKey: string) =>
            reportCacheKey({ rulesKey, targetKey: target.key, fingerprint, optionsKey, ignoreDigest: ignore.digest, baseline: options.baseline }),
        }
      : null;
  if (cache && target.kind === 'git') {
    // The same, for targets git had to resolve (a mirror of a URL, a linked work tree).
    const cached = readCachedReportText(cache.file, cache.key(objectStoreFingerprint(target.gitDir), optionsKeyOf({ maxBlobBytes })));
    const report = cached && answerReport(answerFrom(cached, target, started));
    if (report) return report;
  }
  ruleset ??= await loadRuleset(options, sources);
  const { buildFindings } = await import('./build-findings.js');
  const workers = options.workers !== undefined ? checkWorkerCount(options.workers, 'workers') : defaultWorkerCount();
  checkIgnoredRuleIds(ignore, ruleset.byId);

  let scan;
  if (target.kind === 'directory') {
    const { scanDirectory } = await import('./scan-directory.js');
    scan = {
      ...(await scanDirectory(target.path, { ruleset, maxBlobBytes, workers, exclude: stateDir ? [stateDir] : [], onProgress: options.onProgress })),
      introductions: [],
      rerun: undefined,
    };
  } else {
    // The store modules (SQLite, the PostgreSQL client beside it) load only here: a plain
    // folder keeps no state, and loading them cost its scan tens of milliseconds of start-up.
    options = await withStoreOpener(options);
    const { scanRepository } = await import('./scan-repository.js');
    // --since uses no state, so it needs no lock either.
    const useState = stateDir !== null && !options.since;
    const lock = useState ? await lockTarget(stateDir, target.key, target.display, { waitMs: options.lockWaitMs, onWait: options.onLockWait }) : null;
    const stateFile = stateDir ? join(stateDir, 'state.db') : '';
    let store: ScanStore | null = null;
    try {
      store = useState && stateDir ? openStateStore(options, stateDir) : null;
      // Whatever this scan saves, the report cached from the state before it no longer holds.
      if (cache) dropCachedReport(cache.file);
      scan = await scanRepository(target.gitDir, {
        ruleset,
        store,
        targetKey: target.key,
        maxBlobBytes,
        workers,
        since: options.since,
        onProgress: options.onProgress,
      });
    } catch (err) {
      // SQLite's own errors ("file is not a database", "readonly database") name neither the file nor the way out.
      throw stateError(stateFile, err);
    } finally {
      try {
        store?.close();
      } finally {
        lock?.release();
      }
    }
  }
  const findings = buildFindings(ruleset, scan.results, scan.introductions, {
    dropLocation: (ruleId, path) => ignore.rules.has(ruleId) || (path !== null && ignore.matchesPath(path)),
    dropFinding: (f) => ignore.fingerprints.has(f.id) || (options.baseline?.has(f.id) ?? false),
  });
  if (cache && scan.rerun && ruleset.sourceKey === rulesKey) {
    const { fingerprint, optionsKey, cachedObjects, gaps } = scan.rerun;
    writeCachedReport(cache.file, cache.key(fingerprint, optionsKey), cache.origin, { rulesetHash: ruleset.hash, cachedObjects, gaps, findings });
  }
  // Loaded only for --verify, so a plain scan starts no faster or slower than before.
  const checked = options.verify
    ? await (await import('./verify-findings.js')).verifyFindings(findings, {
        ruleset,
        source: target.kind === 'directory' ? { kind: 'directory', path: target.path } : { kind: 'git', gitDir: target.gitDir },
        verify: options.verify,
        onProgress: options.onVerifyProgress,
      })
    : findings;
  return { version: 1, tool: 'leakwatch', target: target.display, rulesetHash: ruleset.hash, stats: scan.stats, findings: checked };
}

/** An s3:// location: scanned object by object (s3/scan-s3.ts); ignore rules only from --ignore-file. */
async function runS3Report(options: RunScanOptions, ruleset: Ruleset, stateDir: string | null): Promise<ScanReport> {
  const { runS3Scan } = await import('./s3/run-s3-scan.js');
  const { buildFindings } = await import('./build-findings.js');
  const ignore = options.ignoreFile ? await readIgnoreRules({ kind: 'directory', path: '', display: '', key: '' }, options.ignoreFile) : emptyIgnoreRules();
  checkIgnoredRuleIds(ignore, ruleset.byId);
  const scan = await runS3Scan({
    target: options.target,
    ruleset,
    stateDir,
    openStore: (dir) => openStateStore(options, dir),
    maxBlobBytes: options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES,
    maxArchiveBytes: options.maxArchiveBytes,
    workers: options.workers !== undefined ? checkWorkerCount(options.workers, 'workers') : defaultWorkerCount(),
    since: options.since,
    verify: options.verify,
    lockWaitMs: options.lockWaitMs,
    onLockWait: options.onLockWait,
    onProgress: options.onProgress,
    source: () => {
      if (options.s3Source === undefined) throw new LeakwatchError('usage', `${options.target}: this caller cannot read S3 (no S3 object source given).`);
      return options.s3Source();
    },
  });
  const findings = buildFindings(ruleset, scan.results, [], {
    dropLocation: (ruleId, path) => ignore.rules.has(ruleId) || (path !== null && ignore.matchesPath(path)),
    dropFinding: (f) => ignore.fingerprints.has(f.id) || (options.baseline?.has(f.id) ?? false),
  });
  return { version: 1, tool: 'leakwatch', target: scan.target.display, rulesetHash: ruleset.hash, stats: scan.stats, findings };
}
