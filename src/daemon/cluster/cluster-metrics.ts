/**
 * Metrics of the cluster job queue, registered on the daemon's registry: the queue's depth
 * (cluster-wide, read from PostgreSQL at scrape time) and each job's latency from being queued
 * to being started and its run time on this replica.
 */
import { Gauge, Histogram } from 'prom-client';
import type { Registry } from 'prom-client';

export interface ClusterMetrics {
  depth: Gauge<'queue'>;
  latency: Histogram<'queue'>;
  runTime: Histogram<'queue' | 'outcome'>;
}

export function createClusterMetrics(registry: Registry, depthOf: () => Promise<Record<string, number>>): ClusterMetrics {
  const registers = [registry];
  return {
    depth: new Gauge({
      name: 'leakwatch_queue_depth',
      help: 'Jobs waiting in the cluster queue (created or due for retry), over all replicas.',
      labelNames: ['queue'],
      registers,
      async collect() {
        try {
          for (const [queue, n] of Object.entries(await depthOf())) this.set({ queue }, n);
        } catch {
          // An unreachable database shows in /readyz; the gauge keeps its last values.
        }
      },
    }),
    latency: new Histogram({
      name: 'leakwatch_queue_latency_seconds',
      help: 'Time from a job being queued (or due again) to a replica starting it.',
      labelNames: ['queue'],
      buckets: [0.05, 0.1, 0.5, 1, 2, 5, 15, 60, 300, 900],
      registers,
    }),
    runTime: new Histogram({
      name: 'leakwatch_queue_job_duration_seconds',
      help: 'Run time of queue jobs on this replica, by outcome (ok, error, deferred: another replica held the repository).',
      labelNames: ['queue', 'outcome'],
      buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
      registers,
    }),
  };
}
