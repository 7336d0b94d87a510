/**
 * The daemon's posture runs: on `schedule.posture`, every check against the account; results
 * into the store, `leakwatch_posture_failures{check}` set from them, and a message to the
 * resource's owner (or `posture.securityContact`, else `inventory.defaultOwner`) for each check
 * that turned from pass to fail, queued with the results and sent once. At start it only
 * restores the gauge and sends what a stopped process still owed.
 */
import type { LeakwatchConfig } from '../config/config-types.js';
import type { Logger } from '../logger.js';
import { postureChecks } from '../posture/api.js';
import { createPostureContext } from '../posture/create-posture-context.js';
import { deliverPostureAlerts } from '../posture/deliver-posture-alerts.js';
import { createPostureClients } from '../posture/posture-clients.js';
import type { PostureClients } from '../posture/posture-clients.js';
import type { PostureStore } from '../posture/posture-store.js';
import { runPostureChecks, summarise } from '../posture/run-posture-checks.js';
import type { CodeBucket, PostureResult } from '../posture/types.js';
import type { EngineDeps } from '../respond/engine-deps.js';
import { channelsOf } from '../respond/notify-incident.js';
import type { PostureView } from '../domain/console-api.js';
import type { Repository } from '../domain/repository.js';
import type { DaemonMetrics } from './daemon-metrics.js';

export interface DaemonPostureOptions {
  config: LeakwatchConfig;
  log: Logger;
  /** The daemon's SQLite database, or the replicas' PostgreSQL (store/open-store.ts). */
  store: PostureStore;
  /** The incident engine's dependencies: its notifier channels are the posture alerts' too. */
  engine: () => EngineDeps;
  cwd?: string;
  clients?: (homeRegion: string) => PostureClients;
}

export type DaemonPostureRun = ((context: { metrics: DaemonMetrics; runChecks: boolean }) => Promise<void>) & {
  /** When the checks last ran (on any replica) and the failing results of each check's last run, for the console. */
  status(): PostureView<PostureResult>;
};

function recipientFinder(config: LeakwatchConfig, buckets: readonly CodeBucket[], repositories: readonly Repository[]): (r: PostureResult) => string | undefined {
  const fallback = config.posture.securityContact ?? config.inventory.defaultOwner;
  return (r) => {
    const name = r.resource.startsWith('s3:') ? r.resource.slice(3) : r.resource;
    const bucketOwner = buckets.find((b) => b.name === name)?.owner;
    const repoOwner = repositories.find((x) => x.id === r.resource)?.owner.email;
    return bucketOwner ?? repoOwner ?? fallback;
  };
}

export function createDaemonPosture(options: DaemonPostureOptions): DaemonPostureRun {
  const { config, store } = options;
  const log = options.log.child({ component: 'posture' });
  const now = (): Date => new Date();

  function setGauge(metrics: DaemonMetrics): void {
    const counts = store.postureFailureCounts();
    for (const id of postureChecks.keys()) metrics.postureFailures.set({ check: id }, counts.get(id) ?? 0);
  }

  const run = async ({ metrics, runChecks }: { metrics: DaemonMetrics; runChecks: boolean }): Promise<void> => {
    const engine = options.engine();
    if (!runChecks) {
      setGauge(metrics);
      await deliverPostureAlerts({ store, notifierDeps: engine.notifierDeps, log, now });
      return;
    }
    const regions = config.posture.regions;
    const clients = (options.clients ?? createPostureClients)(regions[0] ?? 'us-east-1');
    const context = createPostureContext({ config, clients, log, regions, cwd: options.cwd });
    const results = await runPostureChecks([...postureChecks.values()], context);
    // For naming owners only; a lookup that failed was already reported by its check.
    const buckets = await context.codeBuckets().catch(() => []);
    const repositories = await context.inventory().catch(() => []);
    const queued = store.recordPostureRun(results, now(), channelsOf(engine), recipientFinder(config, buckets, repositories));
    setGauge(metrics);
    const sent = await deliverPostureAlerts({ store, notifierDeps: engine.notifierDeps, log, now });
    log.info({ ...summarise(results), alertsQueued: queued.length, alertsSent: sent }, 'Posture checks finished');
  };
  const status = (): PostureView<PostureResult> => ({ lastRunAt: store.lastPostureRunAt(), failing: store.listPostureResults().filter((r) => r.status === 'fail') });
  return Object.assign(run, { status });
}
