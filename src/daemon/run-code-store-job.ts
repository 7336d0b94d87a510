/**
 * One S3 code store's job: the s3:// scan (scan/s3/scan-s3.ts) under the store's incremental
 * state, so a rerun reads only objects whose ETag changed, with the findings and the response
 * outbox written in the scan's own transaction (`withinSave`), as a repository job does; then the
 * outbox is answered. What the scan could not read (objects or members too large, damaged,
 * denied) is counted in `leakwatch_code_store_unread_objects` and logged with its paths: an
 * unread object is never a clean one.
 */
import type { Repository } from '../domain/repository.js';
import type { Finding, ObjectResult } from '../domain/finding.js';
import { buildFindings } from '../scan/build-findings.js';
import { DEFAULT_MAX_ARCHIVE_BYTES } from '../scan/s3/archive-limits.js';
import { parseS3Target } from '../scan/s3/parse-s3-target.js';
import type { S3ObjectSource } from '../scan/s3/s3-object-source.js';
import { scanS3 } from '../scan/s3/scan-s3.js';
import type { StoredFinding } from '../store/types.js';
import type { RepositoryJobDeps } from './run-repository-job.js';
import { refreshFindingGauge } from './run-repository-job.js';

export interface CodeStoreJobDeps extends RepositoryJobDeps {
  /** Where the store's objects are read from (src/aws/s3/create-s3-object-source.ts); closed after the job. */
  s3Source: (repository: Repository) => S3ObjectSource;
}

/** Unread paths named in one log line, at most this many. */
const LOGGED_PATHS = 20;

export async function runCodeStoreJob(repository: Repository, reasons: string[], deps: CodeStoreJobDeps): Promise<void> {
  const started = Date.now();
  const log = deps.log.child({ codeStore: repository.id });
  const store = { store: repository.id };
  const source = deps.s3Source(repository);
  try {
    let findings: Finding[] = [];
    let added: StoredFinding[] | null = null;
    const record = (results: ObjectResult[]): void => {
      findings = buildFindings(deps.ruleset, results, []);
      added = deps.store.recordFindings(repository.id, findings, new Date());
    };
    const scan = await scanS3(parseS3Target(repository.cloneUrl), {
      source,
      ruleset: deps.ruleset,
      maxBlobBytes: deps.config.scan.maxBlobBytes,
      maxArchiveBytes: DEFAULT_MAX_ARCHIVE_BYTES,
      workers: deps.workers,
      store: deps.store,
      withinSave: record,
    });
    if (added === null) record(scan.results);
    added ??= [];
    deps.store.recordMirror(repository.id, { ok: true, at: new Date() });
    refreshFindingGauge(deps.store, deps.metrics);
    // Always: items left by a run cut short are answered too.
    await deps.respond?.(repository.id);
    const { tooLarge, unreadable, unreadablePaths } = scan.stats.skipped;
    deps.metrics.codeStoreScanOk.set(store, 1);
    deps.metrics.codeStoreUnreadObjects.set(store, tooLarge + unreadable);
    if (tooLarge + unreadable > 0) {
      deps.metrics.errors.inc({ kind: 'incomplete' });
      log.warn({ tooLarge, unreadable, paths: unreadablePaths.slice(0, LOGGED_PATHS) }, 'Code store objects not read; they were not scanned');
    }
    const durationMs = Date.now() - started;
    deps.metrics.scans.inc({ outcome: 'ok' });
    deps.metrics.scanDuration.observe({ outcome: 'ok' }, durationMs / 1000);
    log.info(
      { outcome: tooLarge + unreadable > 0 ? 'incomplete' : 'ok', durationMs, reasons, scannedTexts: scan.stats.blobs, cachedObjects: scan.stats.cachedObjects, unreadObjects: tooLarge + unreadable, findings: findings.length, newFindings: added.length },
      'Code store job finished',
    );
  } catch (err) {
    const durationMs = Date.now() - started;
    const message = (err as Error).message ?? String(err);
    if (deps.signal.aborted) {
      log.info({ outcome: 'cancelled', durationMs, reasons }, 'Code store job cancelled by shutdown');
      throw err;
    }
    deps.store.recordMirror(repository.id, { ok: false, error: message, at: new Date() });
    deps.metrics.codeStoreScanOk.set(store, 0);
    deps.metrics.scans.inc({ outcome: 'error' });
    deps.metrics.scanDuration.observe({ outcome: 'error' }, durationMs / 1000);
    deps.metrics.errors.inc({ kind: 'scan' });
    log.error({ outcome: 'error', durationMs, reasons, err: message }, 'Code store job failed');
    throw err;
  } finally {
    source.close();
  }
}
