/**
 * The monitor: opens the store under the data directory, loads the inventory, mirrors and scans
 * every repository through the job queue (at start, on schedule, and when the webhook says a
 * repository changed), and serves health, metrics and the webhook. `stop()` stops taking jobs,
 * lets running ones finish until the deadline, and closes everything; work cut short is redone
 * at the next start because every write is one transaction.
 */
import { resolve } from 'node:path';
import type { LeakwatchConfig } from '../config/config-types.js';
import type { UpdateResult } from '../fingerprint/update-repo-index.js';
import { loadRules } from '../detect/load-rules.js';
import type { Ruleset } from '../detect/types.js';
import { createS3ObjectSource } from '../aws/s3/create-s3-object-source.js';
import { codeStoreRepository } from '../inventory/code-store-repository.js';
import { loadInventory } from '../inventory/load-inventory.js';
import type { CodeStore } from '../domain/code-store.js';
import type { Indicator } from '../domain/indicator.js';
import type { Repository } from '../domain/repository.js';
import type { InventorySource } from '../inventory/types.js';
import type { Logger } from '../logger.js';
import type { S3ObjectSource } from '../scan/s3/s3-object-source.js';
import { defaultWorkerCount } from '../scan/worker-pool.js';
import { openMonitorStore } from '../store/open-store.js';
import type { IncidentStore } from '../respond/incident-store.js';
import type { PostureResult } from '../posture/types.js';
import type { PostureView } from '../domain/console-api.js';
import type { MonitorStore, RepositoryLeaseStore } from '../store/types.js';
import { LeakwatchError } from '../errors.js';
import { startClusterJobs } from './cluster/start-cluster-jobs.js';
import type { ClusterJobs } from './cluster/start-cluster-jobs.js';
import { createDaemonMetrics } from './daemon-metrics.js';
import type { DaemonMetrics } from './daemon-metrics.js';
import { createDaemonConsole } from './create-daemon-console.js';
import { startDaemonHttpServer } from './daemon-http-server.js';
import { createJobQueue } from './job-queue.js';
import type { JobQueue } from './job-queue.js';
import type { CodecommitChange } from './parse-codecommit-event.js';
import { runCodeStoreJob } from './run-code-store-job.js';
import { refreshFindingGauge, runRepositoryJob } from './run-repository-job.js';
import { scheduleJobs } from './schedule-jobs.js';
import { createStoredSeenMessageIds } from './seen-message-ids.js';
import { createSnsVerifier } from './verify-sns-message.js';
import type { SnsVerifier } from './verify-sns-message.js';

export interface WatchHookContext {
  store: MonitorStore;
  log: Logger;
  /** The repositories of the current inventory (the store keeps removed ones too). */
  inventory?: () => Repository[];
  /** The code stores (S3, EC2) of the current inventory. */
  codeStores?: () => CodeStore[];
}

export interface DaemonHooks {
  /** The public watch (GitHub events, code search, gists); a placeholder until it exists. */
  watch?: (context: WatchHookContext) => Promise<void> | void;
  /** Escalation of incidents nobody acted on. */
  escalate?: (context: { store: MonitorStore; log: Logger }) => Promise<void> | void;
  /**
   * Answers findings waiting in the response outbox: one repository's after its scan, every
   * repository's (left by a process that was killed) at start.
   */
  respond?: (repositoryId?: string) => Promise<void> | void;
  /**
   * Brings the fingerprint index up to date with a repository's mirror right after its fetch.
   * A failure is logged and counted; the job goes on.
   */
  indexMirror?: (repository: Repository, gitDir: string) => Promise<UpdateResult>;
  /** Posture checks (`runChecks`), or at start only the gauge and alerts a stopped process owed. */
  posture?: (context: { metrics: DaemonMetrics; runChecks: boolean }) => Promise<void> | void;
  /** When the posture checks last ran and their failing results, for the console's `/api/posture`. */
  postureStatus?: () => PostureView<PostureResult>;
  /** Answers an indicator from the webhook (GuardDuty, CloudTrail) against the inventory's code stores. */
  indicate?: (indicator: Indicator, codeStores: readonly CodeStore[]) => Promise<'deferred' | void>;
}

export interface StartDaemonOptions {
  config: LeakwatchConfig;
  log: Logger;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  hooks?: DaemonHooks;
  sources?: ReadonlyMap<string, InventorySource>;
  ruleset?: Ruleset;
  verifier?: SnsVerifier;
  fetch?: (url: string, signal: AbortSignal) => Promise<{ ok: boolean; status: number }>;
  /** Store factory; by default the backend the configuration names (embedded SQLite). */
  openStore?: (dataDir: string) => MonitorStore;
  /** The incident store the web console reads and changes; by default one on `<dataDir>/state.db`. */
  incidents?: IncidentStore;
  /** Where the console's built pages are; default dist/console. */
  consoleAssetsDir?: string;
  /** Reads an S3 code store's objects; by default the AWS SDK's (default credentials, the store's region). */
  s3Source?: (repository: Repository) => S3ObjectSource;
}

export interface Daemon {
  url: string;
  store: MonitorStore;
  queue: JobQueue;
  metrics: DaemonMetrics;
  /** Stops taking jobs, waits for running ones up to `deadlineMs`, closes the server and store. */
  stop(deadlineMs: number): Promise<{ unfinished: string[] }>;
}

export function repositoriesForChange(repositories: Iterable<Repository>, change: CodecommitChange): Repository[] {
  return [...repositories].filter((r) => r.name === change.repositoryName && (r.region === undefined || r.region === change.region));
}

export async function startDaemon(options: StartDaemonOptions): Promise<Daemon> {
  const { config, log } = options;
  const cwd = options.cwd ?? process.cwd();
  const dataDir = resolve(cwd, config.dataDir);
  const store = options.openStore?.(dataDir) ?? openMonitorStore({ dataDir, databaseUrl: config.databaseUrl });
  const ruleset = options.ruleset ?? loadRules(config.scan.rulesDirs.map((dir) => resolve(cwd, dir)));
  const metrics = createDaemonMetrics();
  const shutdown = new AbortController();
  const repositories = new Map<string, Repository>();
  // Inventoried S3 code stores as repository-like records: scanned on the same schedule and queue.
  const s3Stores = new Map<string, Repository>();
  let codeStores: CodeStore[] = [];
  let ready = false;
  // Not ready while the inventory has never loaded or its last refresh failed: a daemon that
  // watches nothing must not look healthy to the orchestrator.
  let inventoryLoaded = false;
  refreshFindingGauge(store, metrics);
  for (const stored of store.listRepositories()) {
    if (stored.repository.kind === 's3') {
      s3Stores.set(stored.id, stored.repository);
      continue;
    }
    repositories.set(stored.id, stored.repository);
    if (stored.lastMirrorOkAt) metrics.lastMirrorSuccess.set({ repository: stored.id }, Date.parse(stored.lastMirrorOkAt) / 1000);
  }

  const jobDeps = {
    config, dataDir, store, ruleset, metrics, log, workers: defaultWorkerCount(), signal: shutdown.signal,
    respond: options.hooks?.respond, indexMirror: options.hooks?.indexMirror,
  };
  const s3Source = options.s3Source ?? ((r: Repository) => createS3ObjectSource(undefined, r.region ?? config.response.awsRegion));
  const runJob = async (id: string, reasons: string[]): Promise<void> => {
    const repository = repositories.get(id);
    if (repository) await runRepositoryJob(repository, reasons, jobDeps);
    const codeStore = s3Stores.get(id);
    if (codeStore) await runCodeStoreJob(codeStore, reasons, { ...jobDeps, s3Source });
  };
  const hookContext = { store, log };
  const runWatch = (): Promise<void> | void => options.hooks?.watch?.({ ...hookContext, inventory: () => [...repositories.values()], codeStores: () => codeStores });
  const runEscalation = (): Promise<void> | void => options.hooks?.escalate?.(hookContext);
  const runPosture = (): Promise<void> | void => options.hooks?.posture?.({ metrics, runChecks: true });
  // With databaseUrl, jobs and the cluster-wide schedules go through the PostgreSQL queue.
  let cluster: ClusterJobs | undefined;
  if (config.databaseUrl !== undefined) {
    try {
      cluster = await startClusterJobs({
        databaseUrl: config.databaseUrl, config, log, registry: metrics.registry, leases: leaseStore(store), runRepository: runJob,
        schedules: { mirrorScan: () => enqueueAll('schedule'), watch: runWatch, escalation: runEscalation, posture: runPosture },
        onScheduleError: (name) => metrics.errors.inc({ kind: `schedule:${name}` }),
      });
    } catch (err) {
      store.close();
      throw err;
    }
  }
  // Paused until the first successful inventory refresh: the store's clone URLs are redacted.
  const queue = cluster?.queue ?? createJobQueue({ paused: true, concurrency: config.mirror.concurrency, run: runJob });

  async function refreshInventory(): Promise<void> {
    try {
      const inventory = await loadInventory({ config, log, cwd, sources: options.sources });
      const s3Records = inventory.codeStores.map(codeStoreRepository).filter((r): r is Repository => r !== undefined);
      store.upsertRepositories([...inventory.repositories, ...s3Records]);
      codeStores = inventory.codeStores;
      inventoryLoaded = true;
      const added = [...inventory.repositories.filter((r) => !repositories.has(r.id)), ...s3Records.filter((r) => !s3Stores.has(r.id))].map((r) => r.id);
      repositories.clear();
      for (const r of inventory.repositories) repositories.set(r.id, r);
      s3Stores.clear();
      for (const r of s3Records) s3Stores.set(r.id, r);
      // Only now, with the inventory's own clone URLs in place, may jobs run (see the queue).
      queue.resume();
      // New repositories are mirrored now rather than at the next scheduled run.
      if (ready) for (const id of added) queue.enqueue(id, 'inventory');
      metrics.repositories.set(repositories.size);
      const missing = inventory.repositories.filter((r) => r.ownerMissing).map((r) => r.id);
      log.info({ repositories: repositories.size, codeStores: codeStores.length, ownerMissing: missing }, 'Inventory refreshed');
    } catch (err) {
      inventoryLoaded = false;
      metrics.errors.inc({ kind: 'inventory' });
      log.error({ err: (err as Error).message }, 'Inventory refresh failed; keeping the last known inventory');
    }
  }

  function enqueueAll(reason: string): void {
    for (const id of repositories.keys()) queue.enqueue(id, reason);
    for (const id of s3Stores.keys()) queue.enqueue(id, reason);
  }

  const fetchUrl = options.fetch ?? (async (url: string, signal: AbortSignal) => {
    // No redirects: the SubscribeURL was checked to be an SNS host, its target was not.
    const answer = await fetch(url, { signal, redirect: 'error' });
    await answer.body?.cancel();
    return { ok: answer.ok, status: answer.status };
  });
  const ui = createDaemonConsole({
    config, dataDir, store, queue, log,
    ...(options.incidents === undefined ? {} : { incidents: options.incidents }),
    ...(options.consoleAssetsDir === undefined ? {} : { assetsDir: options.consoleAssetsDir }),
    ...(options.hooks?.postureStatus === undefined ? {} : { posture: options.hooks.postureStatus }),
  });
  let http;
  try {
    http = await startDaemonHttpServer({
      console: ui.handler,
      host: config.http.host,
      port: config.http.port,
      registry: metrics.registry,
      readiness: () => (!ready ? 'starting' : !inventoryLoaded ? 'inventory not loaded' : (cluster?.problem() ?? 'ready')),
      log,
      webhook: {
        token: config.http.webhookToken,
        snsTopicArns: config.http.snsTopicArns,
        verifier: options.verifier ?? createSnsVerifier(),
        seenMessages: createStoredSeenMessageIds(store),
        fetch: fetchUrl,
        log,
        onChanges: async (changes) => {
          const jobs: Array<Promise<string | undefined>> = [];
          for (const change of changes) {
            const matched = repositoriesForChange(repositories.values(), change);
            if (matched.length === 0) log.warn({ repo: change.repositoryName, region: change.region }, 'Change for a repository not in the inventory');
            for (const r of matched) jobs.push(queue.enqueueDurably(r.id, `event:${change.event}`).then((taken) => (taken ? r.id : undefined)));
          }
          return [...new Set((await Promise.all(jobs)).filter((id): id is string => id !== undefined))];
        },
        ...(options.hooks?.indicate === undefined ? {} : { onIndicator: (indicator: Indicator) => options.hooks!.indicate!(indicator, codeStores) }),
      },
    });
  } catch (err) {
    await cluster?.queue.stop(0);
    ui.close();
    store.close();
    throw err;
  }
  log.info({ url: http.url, dataDir }, 'Daemon listening');

  // Each replica re-reads the inventory itself (it holds the clone credentials); the other
  // schedules are the cluster queue's when scaled out.
  const schedules = scheduleJobs(
    [
      { name: 'inventoryRefresh', cron: config.schedule.inventoryRefresh, run: refreshInventory },
      ...(cluster !== undefined
        ? []
        : [
            { name: 'mirrorScan', cron: config.schedule.mirrorScan, run: () => enqueueAll('schedule') },
            { name: 'watch', cron: config.schedule.watch, run: runWatch },
            { name: 'escalation', cron: config.schedule.escalation, run: runEscalation },
            { name: 'posture', cron: config.schedule.posture, run: runPosture },
          ]),
    ],
    log,
    (name) => metrics.errors.inc({ kind: `schedule:${name}` }),
  );

  await refreshInventory();
  ready = true;
  // Findings an earlier process recorded and never answered (killed mid-response) go first; the
  // hook serialises with the jobs' own answering, so this does not block readiness.
  void Promise.resolve()
    .then(() => options.hooks?.respond?.())
    .catch((err: unknown) => log.error({ err: (err as Error).message }, 'Answering pending findings failed'));
  enqueueAll('start');
  void Promise.resolve()
    .then(() => options.hooks?.posture?.({ metrics, runChecks: false }))
    .catch((err: unknown) => log.error({ err: (err as Error).message }, 'Restoring posture state failed'));

  return {
    url: http.url,
    store,
    queue,
    metrics,
    async stop(deadlineMs) {
      ready = false;
      shutdown.abort();
      await schedules.stop();
      const outcome = await queue.stop(deadlineMs);
      await http.close();
      ui.close();
      // A scan still running past the deadline has written nothing yet; the store stays consistent.
      if (outcome.unfinished.length === 0) store.close();
      return outcome;
    },
  };
}

function leaseStore(store: MonitorStore): RepositoryLeaseStore {
  if (!('acquireRepositoryLease' in store)) throw new LeakwatchError('config', 'databaseUrl is set but the store has no repository leases; use the PostgreSQL store');
  return store as MonitorStore & RepositoryLeaseStore;
}
