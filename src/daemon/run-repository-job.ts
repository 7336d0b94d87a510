/**
 * One repository's job: fetch its mirror (clone on first sight) with retries and a timeout,
 * bring the fingerprint index up to date with it (a failure there is logged and counted, never
 * fails the job), scan only what is new under the store's incremental state, and record its
 * findings. The scan state, the findings and the response outbox (what the incident engine must
 * answer) are written in one transaction, and findings are keyed by stable id, so a job cut short
 * at any point (kill -9 included) is simply done again on restart, and findings recorded but not
 * yet answered are answered then. Every finding is recorded, low-confidence ones too (the job's
 * log line counts them); the incident engine acts on high and medium only.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { LeakwatchConfig } from '../config/config-types.js';
import type { Ruleset } from '../detect/types.js';
import { mirrorRepository } from '../git/mirror-repository.js';
import { redactUrl } from '../git/redact-url.js';
import { mirrorSource } from '../git/resolve-target.js';
import type { Repository } from '../domain/repository.js';
import type { Logger } from '../logger.js';
import type { Introduction } from '../domain/introduction.js';
import type { UpdateResult } from '../fingerprint/update-repo-index.js';
import { buildFindings } from '../scan/build-findings.js';
import type { Finding, ObjectResult } from '../domain/finding.js';
import { scanRepository } from '../scan/scan-repository.js';
import type { MonitorStore, StoredFinding } from '../store/types.js';
import type { DaemonMetrics } from './daemon-metrics.js';
import { withRetries } from './with-retries.js';

export interface RepositoryJobDeps {
  config: LeakwatchConfig;
  dataDir: string;
  store: MonitorStore;
  ruleset: Ruleset;
  metrics: DaemonMetrics;
  log: Logger;
  workers: number;
  signal: AbortSignal;
  /**
   * Answers the repository's findings waiting in the response outbox (the incident hook). The
   * scan queues them in its own transaction; this consumes them, so a kill in between loses none.
   */
  respond?: (repositoryId: string) => Promise<void> | void;
  /** Updates the fingerprint index from the fetched mirror (the daemon's shared index). */
  indexMirror?: (repository: Repository, gitDir: string) => Promise<UpdateResult>;
}

/** What the index update did, for the job's log line. */
export type IndexOutcome = ({ outcome: 'ok' } & UpdateResult) | { outcome: 'error' };

export function mirrorDir(dataDir: string, repositoryId: string): string {
  const safe = repositoryId.replace(/[^\w.-]+/g, '_').slice(0, 80);
  const hash = createHash('sha256').update(repositoryId).digest('hex').slice(0, 8);
  return join(dataDir, 'mirrors', `${safe}-${hash}.git`);
}

export function refreshFindingGauge(store: MonitorStore, metrics: DaemonMetrics): void {
  const counts = { critical: 0, high: 0, medium: 0, low: 0, ...store.countOpenFindings() };
  for (const [severity, n] of Object.entries(counts)) metrics.findings.set({ severity }, n);
}

export async function runRepositoryJob(repository: Repository, reasons: string[], deps: RepositoryJobDeps): Promise<void> {
  const started = Date.now();
  const log = deps.log.child({ repository: repository.id });
  const dir = mirrorDir(deps.dataDir, repository.id);
  let stage: 'mirror' | 'scan' = 'mirror';
  try {
    const source = mirrorSource(repository.cloneUrl);
    const mirrored = await withRetries(
      () => mirrorRepository(source.url, dir, { timeoutMs: deps.config.mirror.timeoutSeconds * 1000, config: source.config, signal: deps.signal }),
      {
        retries: deps.config.mirror.retries,
        backoffMs: deps.config.mirror.backoffSeconds * 1000,
        signal: deps.signal,
        onRetry: (attempt, err, delayMs) => log.warn({ attempt, delayMs, err: (err as Error).message }, 'Mirror failed; retrying'),
      },
    );
    const mirroredAt = new Date();
    deps.store.recordMirror(repository.id, { ok: true, at: mirroredAt });
    deps.metrics.lastMirrorSuccess.set({ repository: repository.id }, mirroredAt.getTime() / 1000);
    // Before the scan, so the watch matches against the new HEAD while history is still scanned.
    const index = deps.indexMirror && (await updateIndex(deps.indexMirror, repository, dir, deps.metrics, log));

    stage = 'scan';
    log.debug({ mirror: mirrored }, 'Scan started');
    let findings: Finding[] = [];
    let added: StoredFinding[] | null = null;
    const record = (results: ObjectResult[], introductions: Introduction[]): void => {
      findings = buildFindings(deps.ruleset, results, introductions);
      added = deps.store.recordFindings(repository.id, findings, new Date());
    };
    // The scan state and the findings it yields are committed in one transaction.
    const scan = await scanRepository(dir, {
      ruleset: deps.ruleset,
      store: deps.store,
      targetKey: `repository:${repository.id}`,
      maxBlobBytes: deps.config.scan.maxBlobBytes,
      workers: deps.workers,
      withinSave: record,
    });
    // Nothing new was saved (an unchanged store): record what the state holds, idempotently.
    if (added === null) record(scan.results, scan.introductions);
    added ??= [];
    refreshFindingGauge(deps.store, deps.metrics);
    // Always, not only with new findings: items left by a run cut short are answered too.
    await deps.respond?.(repository.id);
    const durationMs = Date.now() - started;
    // A mirror that lacks history (shallow, partial, missing blobs) is not "clean": said and counted.
    const incomplete = scan.stats.incomplete;
    if (incomplete) {
      deps.metrics.errors.inc({ kind: 'incomplete' });
      log.warn(
        { reasons: incomplete.reasons, missing: scan.stats.skipped.missing, missingExamples: scan.stats.skipped.missingExamples, submodules: scan.stats.skipped.submodules.length },
        'Mirror is incomplete; what it lacks was not scanned',
      );
    }
    // Blobs over the size limit and texts cut short by the time limits were not read whole.
    const { tooLarge, partial } = scan.stats.skipped;
    if (tooLarge + partial > 0) log.warn({ tooLarge, partial }, 'Some blobs were not read whole');
    deps.metrics.scans.inc({ outcome: 'ok' });
    deps.metrics.scanDuration.observe({ outcome: 'ok' }, durationMs / 1000);
    log.info(
      { outcome: incomplete ? 'incomplete' : 'ok', durationMs, reasons, mirror: mirrored, scannedObjects: scan.stats.blobs + scan.stats.commits, cachedObjects: scan.stats.cachedObjects, findings: findings.length, lowConfidence: findings.filter((f) => f.confidence === 'low').length, newFindings: added.length, index },
      'Repository job finished',
    );
  } catch (err) {
    const durationMs = Date.now() - started;
    const message = (err as Error).message ?? String(err);
    if (deps.signal.aborted) {
      log.info({ outcome: 'cancelled', stage, durationMs, reasons }, 'Repository job cancelled by shutdown');
      throw err;
    }
    if (stage === 'mirror') deps.store.recordMirror(repository.id, { ok: false, error: message, at: new Date() });
    deps.metrics.scans.inc({ outcome: 'error' });
    deps.metrics.scanDuration.observe({ outcome: 'error' }, durationMs / 1000);
    deps.metrics.errors.inc({ kind: stage });
    log.error({ outcome: 'error', stage, durationMs, reasons, url: redactUrl(repository.cloneUrl), err: message }, 'Repository job failed');
    throw err;
  }
}

async function updateIndex(
  indexMirror: NonNullable<RepositoryJobDeps['indexMirror']>,
  repository: Repository,
  dir: string,
  metrics: DaemonMetrics,
  log: Logger,
): Promise<IndexOutcome> {
  try {
    return { outcome: 'ok', ...(await indexMirror(repository, dir)) };
  } catch (err) {
    // Not the job's failure: the watch's next catch-up tries again, and the scan still runs.
    metrics.errors.inc({ kind: 'index' });
    log.warn({ err: (err as Error).message ?? String(err) }, 'Fingerprint index update failed');
    return { outcome: 'error' };
  }
}
