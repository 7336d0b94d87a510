/**
 * The daemon's Prometheus metrics (prom-client), in a registry of its own so tests and several
 * daemons in one process do not share counters.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface DaemonMetrics {
  registry: Registry;
  repositories: Gauge;
  scans: Counter<'outcome'>;
  findings: Gauge<'severity'>;
  scanDuration: Histogram<'outcome'>;
  lastMirrorSuccess: Gauge<'repository'>;
  errors: Counter<'kind'>;
  postureFailures: Gauge<'check'>;
  codeStoreScanOk: Gauge<'store'>;
  codeStoreUnreadObjects: Gauge<'store'>;
}

export function createDaemonMetrics(): DaemonMetrics {
  const registry = new Registry();
  // prom-client's default names already start with `process_` / `nodejs_`; the prefix only adds ours.
  collectDefaultMetrics({ register: registry, prefix: 'leakwatch_' });
  const registers = [registry];
  return {
    registry,
    repositories: new Gauge({ name: 'leakwatch_repositories', help: 'Repositories in the inventory.', registers }),
    scans: new Counter({ name: 'leakwatch_scans_total', help: 'Repository jobs (mirror + scan) by outcome.', labelNames: ['outcome'], registers }),
    findings: new Gauge({ name: 'leakwatch_findings', help: 'Open findings in the store by severity.', labelNames: ['severity'], registers }),
    scanDuration: new Histogram({
      name: 'leakwatch_scan_duration_seconds',
      help: 'Duration of repository jobs (mirror, fingerprint index update, scan).',
      labelNames: ['outcome'],
      buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
      registers,
    }),
    lastMirrorSuccess: new Gauge({
      name: 'leakwatch_last_mirror_success_timestamp_seconds',
      help: 'Unix time of the last successful clone or fetch, per repository.',
      labelNames: ['repository'],
      registers,
    }),
    postureFailures: new Gauge({ name: 'leakwatch_posture_failures', help: 'Failing resources per posture check at its last run.', labelNames: ['check'], registers }),
    codeStoreScanOk: new Gauge({ name: 'leakwatch_code_store_scan_ok', help: 'Whether the last scan of an S3 code store completed (1) or failed (0), per store.', labelNames: ['store'], registers }),
    codeStoreUnreadObjects: new Gauge({
      name: 'leakwatch_code_store_unread_objects',
      help: 'Objects and archive members of an S3 code store its last scan could not read (too large, damaged, denied), per store.',
      labelNames: ['store'],
      registers,
    }),
    errors: new Counter({ name: 'leakwatch_errors_total', help: 'Errors by kind (mirror, scan, index, inventory, webhook, schedule).', labelNames: ['kind'], registers }),
  };
}
