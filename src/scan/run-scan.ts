/**
 * `scan` end to end: resolve the target, load rules, scan (history or files), group into
 * findings, apply ignore rules and the baseline, and return the report of the JSON contract.
 */
import { join, resolve } from 'node:path';
import type { RuleVariables } from '../detect/apply-rule-variables.js';
import { loadRules } from '../detect/load-rules.js';
import type { Ruleset } from '../detect/types.js';
import { resolveTarget } from '../git/resolve-target.js';
import type { VerifySecret } from '../domain/verification.js';
import { LeakwatchError } from '../errors.js';
import type { ScanStore } from '../store/types.js';
import { buildFindings } from './build-findings.js';
import { checkIgnoredRuleIds, emptyIgnoreRules } from './ignore-rules.js';
import { stateError } from '../store/state-error.js';
import { lockTarget } from './lock-target.js';
import type { ScanProgress } from './progress.js';
import { readIgnoreRules } from './read-ignore-rules.js';
import { isS3Target } from './s3/parse-s3-target.js';
import type { S3ObjectSource } from './s3/s3-object-source.js';
import { scanDirectory } from './scan-directory.js';
import { scanRepository } from './scan-repository.js';
import type { ScanReport } from '../domain/finding.js';
import { checkWorkerCount, defaultWorkerCount } from './worker-pool.js';

export const DEFAULT_MAX_BLOB_BYTES = 50 * 1024 * 1024;

export interface RunScanOptions {
  target: string;
  /** Folder for incremental state and mirrors; null keeps nothing. */
  stateDir: string | null;
  /**
   * Opens the incremental state in `stateDir` (the CLI passes store/open-store.ts's
   * `openScanStore`): the scan never picks a store backend itself. Required with a `stateDir`.
   */
  openStore?: (stateDir: string) => ScanStore;
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

function openStateStore(options: RunScanOptions, stateDir: string): ScanStore {
  // A caller that forgets the opener would silently scan everything every time: refuse instead.
  if (options.openStore === undefined) throw new LeakwatchError('state', 'runScan was given a state folder but no openStore to open it with.');
  return options.openStore(stateDir);
}

export async function runScan(options: RunScanOptions): Promise<ScanReport> {
  const ruleset =
    options.ruleset ??
    loadRules(options.rulesDirs ?? [], {
      variables: options.variables,
      cacheFile: options.stateDir ? join(resolve(options.stateDir), 'rules-cache.json') : undefined,
    });
  const stateDir = options.stateDir ? resolve(options.stateDir) : null;
  if (isS3Target(options.target)) return runS3Report(options, ruleset, stateDir);
  const target = await resolveTarget(options.target, {
    stateDir: stateDir ?? resolve('.leakwatch'),
    onMirror: options.onMirror,
  });
  const maxBlobBytes = options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES;
  const workers = options.workers !== undefined ? checkWorkerCount(options.workers, 'workers') : defaultWorkerCount();
  const ignore = await readIgnoreRules(target, options.ignoreFile);
  checkIgnoredRuleIds(ignore, ruleset.byId);

  let scan;
  if (target.kind === 'directory') {
    scan = {
      ...(await scanDirectory(target.path, { ruleset, maxBlobBytes, workers, exclude: stateDir ? [stateDir] : [], onProgress: options.onProgress })),
      introductions: [],
    };
  } else {
    // --since uses no state, so it needs no lock either.
    const useState = stateDir !== null && !options.since;
    const lock = useState ? await lockTarget(stateDir, target.key, target.display, { waitMs: options.lockWaitMs, onWait: options.onLockWait }) : null;
    const stateFile = stateDir ? join(stateDir, 'state.db') : '';
    let store: ScanStore | null = null;
    try {
      store = useState && stateDir ? openStateStore(options, stateDir) : null;
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
