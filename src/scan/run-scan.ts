/**
 * `scan` end to end: resolve the target, load rules, scan (history or files), group into
 * findings, apply ignore rules and the baseline, and return the report of the JSON contract.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RuleVariables } from '../detect/apply-rule-variables.js';
import { loadRules } from '../detect/load-rules.js';
import type { Ruleset } from '../detect/types.js';
import { resolveTarget } from '../git/resolve-target.js';
import type { ResolvedTarget } from '../git/resolve-target.js';
import { runGit } from '../git/run-git.js';
import { SqliteScanStore } from '../store/sqlite/sqlite-scan-store.js';
import type { VerifySecret } from '../verify/verify-secret.js';
import { buildFindings } from './build-findings.js';
import { emptyIgnoreRules, parseIgnoreRules } from './ignore-rules.js';
import type { IgnoreRules } from './ignore-rules.js';
import type { ScanProgress } from './progress.js';
import { scanDirectory } from './scan-directory.js';
import { scanRepository } from './scan-repository.js';
import type { ScanReport } from './types.js';
import { checkWorkerCount, defaultWorkerCount } from './worker-pool.js';

export const DEFAULT_MAX_BLOB_BYTES = 50 * 1024 * 1024;

export interface RunScanOptions {
  target: string;
  /** Folder for incremental state and mirrors; null keeps nothing. */
  stateDir: string | null;
  rulesDirs?: string[];
  ruleset?: Ruleset;
  variables?: RuleVariables;
  maxBlobBytes?: number;
  workers?: number;
  since?: string;
  baseline?: Set<string>;
  ignoreFile?: string;
  onProgress?: (p: ScanProgress) => void;
  onMirror?: (url: string) => void;
  /** `--verify`: check each credential finding live through this service (verify-findings.ts). */
  verify?: VerifySecret;
  onVerifyProgress?: (done: number, total: number) => void;
}

async function readIgnoreRules(target: ResolvedTarget, explicit?: string): Promise<IgnoreRules> {
  if (explicit) return parseIgnoreRules(readFileSync(explicit, 'utf8'), explicit);
  const root = target.kind === 'directory' ? target.path : target.workTree;
  if (root) {
    try {
      return parseIgnoreRules(readFileSync(join(root, '.leakwatchignore'), 'utf8'), '.leakwatchignore');
    } catch {
      return emptyIgnoreRules();
    }
  }
  if (target.kind === 'git') {
    try {
      return parseIgnoreRules(await runGit(target.gitDir, ['show', 'HEAD:.leakwatchignore']), 'HEAD:.leakwatchignore');
    } catch {
      return emptyIgnoreRules();
    }
  }
  return emptyIgnoreRules();
}

export async function runScan(options: RunScanOptions): Promise<ScanReport> {
  const ruleset =
    options.ruleset ??
    loadRules(options.rulesDirs ?? [], {
      variables: options.variables,
      cacheFile: options.stateDir ? join(resolve(options.stateDir), 'rules-cache.json') : undefined,
    });
  const stateDir = options.stateDir ? resolve(options.stateDir) : null;
  const target = await resolveTarget(options.target, {
    stateDir: stateDir ?? resolve('.leakwatch'),
    onMirror: options.onMirror,
  });
  const maxBlobBytes = options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES;
  const workers = options.workers !== undefined ? checkWorkerCount(options.workers, 'workers') : defaultWorkerCount();
  const ignore = await readIgnoreRules(target, options.ignoreFile);

  let scan;
  if (target.kind === 'directory') {
    scan = {
      ...(await scanDirectory(target.path, { ruleset, maxBlobBytes, workers, exclude: stateDir ? [stateDir] : [], onProgress: options.onProgress })),
      introductions: [],
    };
  } else {
    const store = stateDir ? new SqliteScanStore(join(stateDir, 'state.db')) : null;
    try {
      scan = await scanRepository(target.gitDir, {
        ruleset,
        store,
        targetKey: target.key,
        maxBlobBytes,
        workers,
        since: options.since,
        onProgress: options.onProgress,
      });
    } finally {
      store?.close();
    }
  }
  const findings = buildFindings(ruleset, scan.results, scan.introductions, {
    dropLocation: (ruleId, path) => ignore.rules.has(ruleId) || (path !== null && ignore.paths.some((re) => re.test(path))),
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
