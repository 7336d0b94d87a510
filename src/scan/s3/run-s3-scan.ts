/** The S3 branch of `runScan`: checks the options that make no sense for S3, then scans under the target's lock and state. */
import { join } from 'node:path';
import type { Ruleset } from '../../detect/types.js';
import type { ObjectResult, ScanStats } from '../../domain/finding.js';
import { LeakwatchError } from '../../errors.js';
import { stateError } from '../../store/state-error.js';
import type { ScanStore } from '../../store/types.js';
import { lockTarget } from '../lock-target.js';
import type { ScanProgress } from '../progress.js';
import { parseS3Target } from './parse-s3-target.js';
import type { S3Target } from './parse-s3-target.js';
import { DEFAULT_MAX_ARCHIVE_BYTES } from './archive-limits.js';
import type { S3ObjectSource } from './s3-object-source.js';
import { scanS3 } from './scan-s3.js';

export interface RunS3ScanOptions {
  target: string;
  ruleset: Ruleset;
  stateDir: string | null;
  openStore: (stateDir: string) => ScanStore;
  maxBlobBytes: number;
  maxArchiveBytes?: number;
  workers: number;
  since?: string;
  verify?: unknown;
  /** Where objects are read from (src/aws/s3/create-s3-object-source.ts); closed here when done. */
  source: () => S3ObjectSource;
  lockWaitMs?: number;
  onLockWait?: (message: string) => void;
  onProgress?: (p: ScanProgress) => void;
}

export async function runS3Scan(options: RunS3ScanOptions): Promise<{ target: S3Target; stats: ScanStats; results: ObjectResult[] }> {
  const target = parseS3Target(options.target);
  if (options.since) throw new LeakwatchError('usage', '--since applies to git history; an s3:// location has none (leave --since out).');
  if (options.verify) throw new LeakwatchError('usage', '--verify is not available for s3:// locations yet (leave --verify out).');
  const source = options.source();
  const common = {
    source,
    ruleset: options.ruleset,
    maxBlobBytes: options.maxBlobBytes,
    maxArchiveBytes: options.maxArchiveBytes ?? DEFAULT_MAX_ARCHIVE_BYTES,
    workers: options.workers,
    onProgress: options.onProgress,
  };
  try {
    if (options.stateDir === null) return { target, ...(await scanS3(target, { ...common, store: null })) };
    const stateDir = options.stateDir;
    const lock = await lockTarget(stateDir, `s3:${target.display}`, target.display, { waitMs: options.lockWaitMs, onWait: options.onLockWait });
    let store: ScanStore | null = null;
    try {
      store = options.openStore(stateDir);
      return { target, ...(await scanS3(target, { ...common, store })) };
    } catch (err) {
      throw err instanceof LeakwatchError ? err : stateError(join(stateDir, 'state.db'), err);
    } finally {
      try {
        store?.close();
      } finally {
        lock.release();
      }
    }
  } finally {
    source.close();
  }
}
