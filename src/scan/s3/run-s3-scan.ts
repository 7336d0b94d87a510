/** The S3 branch of `runScan`: checks the options that make no sense for S3, then scans under the target's lock and state. */
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
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
  s3?: S3Client;
  lockWaitMs?: number;
  onLockWait?: (message: string) => void;
  onProgress?: (p: ScanProgress) => void;
}

/** The SDK's own chain finds credentials; a region is needed to start, and redirects find the bucket's. */
function defaultClient(): S3Client {
  return new S3Client({ region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1', followRegionRedirects: true });
}

export async function runS3Scan(options: RunS3ScanOptions): Promise<{ target: S3Target; stats: ScanStats; results: ObjectResult[] }> {
  const target = parseS3Target(options.target);
  if (options.since) throw new LeakwatchError('usage', '--since applies to git history; an s3:// location has none (leave --since out).');
  if (options.verify) throw new LeakwatchError('usage', '--verify is not available for s3:// locations yet (leave --verify out).');
  const s3 = options.s3 ?? defaultClient();
  const common = {
    s3,
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
    if (options.s3 === undefined) s3.destroy();
  }
}
