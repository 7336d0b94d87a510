/**
 * The job queue of a scaled-out daemon: pg-boss on the shared PostgreSQL instead of the
 * in-process queue and node-cron. Every replica sends and works the same queues:
 * - repository jobs (`leakwatch-repository`, policy `short`, singleton key = repository id): at
 *   most one job per repository waits, so a push during a running job, or a burst of pushes,
 *   coalesces into one follow-up; a failed job is retried with doubling delays; a job still
 *   active after `queue.jobTimeoutSeconds` (its replica was killed) is failed by pg-boss's
 *   maintenance and retried by whichever replica fetches it first.
 * - a repository lease in the store makes sure no two replicas run one repository at once
 *   (pg-boss's `singleton`/`stately` policies would, but a waiting job of a running repository
 *   then blocks every fetch behind it: timgit/pg-boss#535): a job that finds the lease held is
 *   sent again a few seconds later, coalescing with any job already waiting.
 * - the mirror-scan, watch, escalation and posture schedules are pg-boss cron jobs, fired once per
 *   cluster per due minute, not once per replica.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import PgBoss from 'pg-boss';
import type { Registry } from 'prom-client';
import type { LeakwatchConfig } from '../../config/config-types.js';
import type { Logger } from '../../logger.js';
import { parseDatabaseUrl } from '../../store/postgres/pg-connection.js';
import type { RepositoryLeaseStore } from '../../store/types.js';
import type { JobQueue } from '../job-queue.js';
import { createClusterMetrics } from './cluster-metrics.js';
import { CLUSTER_SCHEDULES, REPOSITORY_QUEUE, queueSchema, scheduleQueue } from './cluster-queue-names.js';
import type { ClusterScheduleName } from './cluster-queue-names.js';

/** Seconds before a job that found its repository busy is tried again. */
const DEFER_SECONDS = 3;
const REPLICA = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

interface RepositoryJobData {
  id: string;
  reason: string;
}

export interface ClusterJobsOptions {
  databaseUrl: string;
  config: LeakwatchConfig;
  log: Logger;
  registry: Registry;
  leases: RepositoryLeaseStore;
  runRepository: (id: string, reasons: string[]) => Promise<void>;
  schedules: Record<ClusterScheduleName, () => Promise<void> | void>;
  onScheduleError: (name: string) => void;
}

export interface ClusterJobs {
  queue: JobQueue;
  /** Why the queue cannot work now (database unreachable); undefined when it can. */
  problem(): string | undefined;
}

export async function startClusterJobs(options: ClusterJobsOptions): Promise<ClusterJobs> {
  const { config, log } = options;
  const q = config.queue;
  const target = parseDatabaseUrl(options.databaseUrl);
  const boss = new PgBoss({
    connectionString: target.url,
    schema: queueSchema(target.schema),
    application_name: 'leakwatch-queue',
    max: config.mirror.concurrency + 4,
    maintenanceIntervalSeconds: q.maintenanceIntervalSeconds,
    // Completed jobs are kept a day for inspection, then archived and deleted by pg-boss.
    retentionDays: 1,
  });
  let lastError: string | undefined;
  boss.on('error', (err) => {
    lastError = err.message;
    log.warn({ err: err.message }, 'Job queue error');
  });
  await boss.start();
  const queueOptions = { retryLimit: q.retryLimit, retryDelay: q.retryDelaySeconds, retryBackoff: true, expireInSeconds: q.jobTimeoutSeconds };
  await boss.createQueue(REPOSITORY_QUEUE, { name: REPOSITORY_QUEUE, policy: 'short', ...queueOptions });
  // A configuration change (timeout, retries) applies to a queue another replica created earlier too.
  await boss.updateQueue(REPOSITORY_QUEUE, { name: REPOSITORY_QUEUE, policy: 'short', ...queueOptions });
  for (const name of CLUSTER_SCHEDULES) {
    const queue = scheduleQueue(name);
    await boss.createQueue(queue, { name: queue, policy: 'short', retryLimit: 0, expireInSeconds: q.jobTimeoutSeconds });
    await boss.schedule(queue, config.schedule[name], {}, { tz: 'UTC' });
  }

  const metrics = createClusterMetrics(options.registry, async () => {
    const depth: Record<string, number> = { [REPOSITORY_QUEUE]: await boss.getQueueSize(REPOSITORY_QUEUE) };
    return depth;
  });
  const running = new Map<string, Promise<void>>();
  let stopped = false;
  let started = false;
  let reachable = true;
  const ping = setInterval(() => {
    boss
      .getDb()
      .executeSql('SELECT 1', [])
      .then(() => ((reachable = true), (lastError = undefined)))
      .catch((err: Error) => ((reachable = false), (lastError = err.message)));
  }, 5000);
  ping.unref();

  /** Sends not yet answered by PostgreSQL: until they are, `idle()` cannot see their jobs in the queue. */
  let sending = 0;
  function send(id: string, reason: string, startAfter?: number): Promise<string | null> {
    const data: RepositoryJobData = { id, reason };
    sending++;
    return boss.send(REPOSITORY_QUEUE, data, { singletonKey: id, ...(startAfter === undefined ? {} : { startAfter }) }).finally(() => sending--);
  }

  async function work([job]: PgBoss.JobWithMetadata<RepositoryJobData>[]): Promise<void> {
    if (job === undefined) return;
    const { id, reason } = job.data;
    const due = Math.max(job.createdOn.getTime(), job.startAfter.getTime());
    metrics.latency.observe({ queue: REPOSITORY_QUEUE }, Math.max(0, job.startedOn.getTime() - due) / 1000);
    const started = Date.now();
    const holder = `${REPLICA}:${job.id}`;
    const leaseMs = q.repositoryLeaseSeconds * 1000;
    const take = (): boolean => options.leases.acquireRepositoryLease(id, holder, new Date(), new Date(Date.now() + leaseMs));
    if (!take()) {
      // Another replica runs this repository; its job may predate the push, so ours runs after it.
      await send(id, reason, DEFER_SECONDS);
      metrics.runTime.observe({ queue: REPOSITORY_QUEUE, outcome: 'deferred' }, (Date.now() - started) / 1000);
      log.debug({ repository: id, job: job.id }, 'Repository is being handled by another replica; job deferred');
      return;
    }
    // With the replica and pg-boss job id, so operators (and tests) can follow one job across replicas.
    log.debug({ repository: id, job: job.id, replica: REPLICA, reason, retry: job.retryCount }, 'Repository job started');
    const renew = setInterval(() => {
      if (!take()) log.warn({ repository: id, job: job.id }, 'Repository lease lost while its job runs');
    }, leaseMs / 3);
    const run = options.runRepository(id, [job.retryCount > 0 ? `${reason} (retry ${job.retryCount})` : reason]);
    running.set(id, run.catch(() => undefined));
    try {
      await run;
      metrics.runTime.observe({ queue: REPOSITORY_QUEUE, outcome: 'ok' }, (Date.now() - started) / 1000);
    } catch (err) {
      metrics.runTime.observe({ queue: REPOSITORY_QUEUE, outcome: 'error' }, (Date.now() - started) / 1000);
      throw err;
    } finally {
      clearInterval(renew);
      running.delete(id);
      options.leases.releaseRepositoryLease(id, holder);
      log.debug({ repository: id, job: job.id, replica: REPLICA }, 'Repository job ended');
    }
  }

  async function startWorkers(): Promise<void> {
    const workOptions = { batchSize: 1, includeMetadata: true as const, pollingIntervalSeconds: 1 };
    for (let i = 0; i < config.mirror.concurrency; i++) await boss.work<RepositoryJobData>(REPOSITORY_QUEUE, workOptions, work);
    for (const name of CLUSTER_SCHEDULES) {
      await boss.work(scheduleQueue(name), { pollingIntervalSeconds: 5 }, async () => {
        try {
          await options.schedules[name]();
        } catch (err) {
          options.onScheduleError(name);
          log.error({ schedule: name, err: (err as Error).message }, 'Scheduled run failed');
        }
      });
    }
  }

  const queue: JobQueue = {
    enqueue(key, reason) {
      if (stopped) return false;
      // Durable once sent; a send that fails is logged, and the next schedule run covers it.
      send(key, reason).catch((err: Error) => log.error({ repository: key, err: err.message }, 'Job could not be queued'));
      return true;
    },
    async enqueueDurably(key, reason) {
      if (stopped) return false;
      // pg-boss answers null when a job of this repository already waits: ours coalesced into it.
      await send(key, reason);
      return true;
    },
    resume() {
      if (started || stopped) return;
      started = true;
      startWorkers().catch((err: Error) => {
        lastError = err.message;
        log.error({ err: err.message }, 'Job queue workers could not start');
      });
    },
    async stop(deadlineMs) {
      stopped = true;
      clearInterval(ping);
      await Promise.all([REPOSITORY_QUEUE, ...CLUSTER_SCHEDULES.map(scheduleQueue)].map((name) => boss.offWork(name).catch(() => undefined)));
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((done) => (timer = setTimeout(done, deadlineMs)));
      await Promise.race([Promise.all(running.values()).then(() => undefined), deadline]);
      clearTimeout(timer);
      const unfinished = [...running.keys()];
      // Unfinished jobs stay active in the queue; they time out and another replica retries them.
      await boss.stop({ graceful: false, close: true, wait: true, timeout: 1000 }).catch(() => undefined);
      return { unfinished };
    },
    async idle() {
      // Active jobs count too: pg-boss marks a job active before its handler runs and enters `running`.
      const busy = async (): Promise<boolean> => sending > 0 || running.size > 0 || (await boss.getQueueSize(REPOSITORY_QUEUE, { before: 'completed' })) > 0;
      while (!stopped && (await busy())) await new Promise((done) => setTimeout(done, 200));
    },
    running: () => [...running.keys()],
    waiting: () => [],
  };

  return {
    queue,
    problem: () => (!reachable ? `database unreachable: ${lastError ?? 'no answer'}` : undefined),
  };
}
