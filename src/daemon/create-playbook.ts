/**
 * Connects the daemon to the incident engine and the public watch: the engine's dependencies
 * are built once (an incident store on the daemon's database, the mirror of each repository as
 * its git directory; the engine itself on first use); findings waiting in the response outbox go
 * to `respondToFindings` after each scan, at start and on each escalation pass; the escalation
 * schedule advances open incidents, escalates the unacknowledged and runs due follow-ups; the
 * watch schedule runs a public watch cycle whose exposures go to the engine's sink. The
 * fingerprint index is opened once here and shared: each repository job updates it after its
 * fetch (`indexMirror`), the watch matches against it. Every failure is logged and swallowed:
 * the daemon keeps running.
 */
import { join } from 'node:path';
import type { LeakwatchConfig } from '../config/config-types.js';
import { isLeakwatchError } from '../errors.js';
import type { Ruleset } from '../detect/types.js';
import type { CodeStore } from '../domain/code-store.js';
import type { Repository } from '../domain/repository.js';
import { createIndicatorSink } from '../respond/deliver-indicator.js';
import { lookupPrincipalPulls } from '../respond/forensics/lookup-principal-pulls.js';
import type { Logger } from '../logger.js';
import { createEngineDeps } from './create-engine-deps.js';
import type { EngineDeps } from '../respond/engine-deps.js';
import { escalateIncidents } from '../respond/escalate-incidents.js';
import { createPublicExposureSink } from '../respond/public-exposure-sink.js';
import type { PublicSinkOptions } from '../respond/public-exposure-sink.js';
import { advanceOpenIncidents } from '../respond/respond-to-findings.js';
import { runDueFollowUps } from '../respond/run-follow-ups.js';
import { releaseDeadLeases } from '../respond/with-incident-lease.js';
import { drainOutbox } from './drain-outbox.js';
import type { DrainSummary } from './drain-outbox.js';
import { openDatabase } from '../store/sqlite/open-database.js';
import { openIncidentStore, openPostureStore } from '../store/open-store.js';
import type { IncidentStore } from '../respond/incident-store.js';
import type { MonitorStore } from '../store/types.js';
import type { WatchRuntime } from '../watch/create-watch-runtime.js';
import type { PublicExposureSink } from '../watch/types.js';
import { openDaemonFingerprintIndex } from './daemon-fingerprint-index.js';
import { createDaemonPosture } from './daemon-posture.js';
import { openSharedWatchState } from './cluster/open-shared-watch-state.js';
import { createDaemonWatch } from './daemon-watch.js';
import { mirrorDir } from './run-repository-job.js';
import type { DaemonHooks } from './start-daemon.js';

export interface CreatePlaybookOptions {
  config: LeakwatchConfig;
  log: Logger;
  env?: NodeJS.ProcessEnv;
  /** The daemon's data directory (resolved); the database is `<dataDir>/state.db`. */
  dataDir: string;
  /** The daemon's store: repositories and findings. */
  store: MonitorStore;
  ruleset: Ruleset;
  /** Tests inject these; by default built from the configuration. */
  engine?: (incidents: IncidentStore, gitDirFor: (name: string) => string | undefined) => EngineDeps;
  watchRuntime?: WatchRuntime;
  fetch?: typeof fetch;
}

export interface Playbook {
  hooks: Required<DaemonHooks>;
  incidents: IncidentStore;
  close(): void;
}

function errName(err: unknown): string {
  return err instanceof Error ? err.name : typeof err;
}

export async function createPlaybook(options: CreatePlaybookOptions): Promise<Playbook> {
  const { config, store, dataDir } = options;
  const log = options.log.child({ component: 'respond' });
  const dbFile = join(dataDir, 'state.db');
  // Beside the monitor store: `<dataDir>/state.db`, or the shared PostgreSQL of a scaled-out daemon.
  const incidents = openIncidentStore({ dataDir, ...(config.databaseUrl === undefined ? {} : { databaseUrl: config.databaseUrl }) });
  // Leases of a killed earlier process would hold its incidents until they expire.
  const released = releaseDeadLeases(incidents);
  if (released.length > 0) log.info({ incidents: released.length }, 'Leases of a stopped process released');
  const byName = (name: string): Repository | undefined => store.listRepositories().find((r) => r.repository.name === name)?.repository;
  const gitDirFor = (name: string): string | undefined => {
    const repository = byName(name);
    return repository === undefined ? undefined : mirrorDir(dataDir, repository.id);
  };
  const watchDb = openDatabase(dbFile);
  // Scaled out, the index and the watch state are the cluster's, in PostgreSQL.
  const shared = config.databaseUrl === undefined ? undefined : openSharedWatchState(config.databaseUrl, options.log);
  const fingerprints = openDaemonFingerprintIndex({ db: watchDb, dataDir, log: options.log, ...(shared === undefined ? {} : { index: shared.index }) });
  // Built on first use: the AWS clients are only constructed once there is something to answer.
  let built: EngineDeps | undefined;
  const engine = (): EngineDeps =>
    (built ??= options.engine?.(incidents, gitDirFor) ?? createEngineDeps({ config, store: incidents, ruleset: options.ruleset, log, gitDirFor }));
  const sinkOptions: PublicSinkOptions = {
    repository: byName,
    findings: (repository, sha) =>
      store
        .listFindings(repository.id)
        .map((s) => s.finding)
        .filter((f) => f.secretSha256 === sha || f.related?.secretSha256 === sha),
    gitDir: (repository) => mirrorDir(dataDir, repository.id),
  };
  // The inventory's code stores as last seen by a hook (the watch's context, the webhook's call).
  let codeStores: readonly CodeStore[] = [];
  const indicators = (): ReturnType<typeof createIndicatorSink> => {
    const deps = engine();
    const cloudtrail = deps.clients.cloudtrail;
    return createIndicatorSink(deps, {
      codeStores: () => codeStores,
      repository: byName,
      ...(cloudtrail === undefined
        ? {}
        : { pulledBy: (indicator) => lookupPrincipalPulls({ cloudtrail, now: deps.now(), ...(indicator.accessKeyId === undefined ? {} : { accessKeyId: indicator.accessKeyId }), ...(indicator.userName === undefined ? {} : { userName: indicator.userName }) }) }),
    });
  };
  const sink: PublicExposureSink = {
    deliver: (exposure) => createPublicExposureSink(engine(), sinkOptions).deliver(exposure),
    deliverIndicator: (indicator) => indicators().deliver(indicator),
  };
  const watch = await createDaemonWatch({
    config,
    log: options.log,
    ...(options.env === undefined ? {} : { env: options.env }),
    ruleset: options.ruleset,
    db: watchDb,
    ...(shared === undefined ? {} : { state: shared.state }),
    fingerprints,
    sink,
    ...(options.watchRuntime === undefined ? {} : { runtime: options.watchRuntime }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });

  const postureStore = openPostureStore({ db: watchDb, ...(config.databaseUrl === undefined ? {} : { databaseUrl: config.databaseUrl }) });
  const posture = createDaemonPosture({ config, log: options.log, store: postureStore, engine });

  // One drain at a time in this process (start, each job, each escalation pass); the incident
  // leases keep other processes (the CLI, later replicas) from acting on the same incident.
  let draining: Promise<unknown> = Promise.resolve();
  function answerPending(repositoryId?: string): Promise<DrainSummary> {
    const run = draining.then(() => drainOutbox({ store, engine, dataDir, log }, repositoryId));
    draining = run.catch(() => undefined);
    return run;
  }

  async function step(name: string, run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (err) {
      // A configuration error (e.g. e-mail channel without sender) says what to fix; others only their kind.
      const detail = isLeakwatchError(err) ? { err: err.message } : { errName: errName(err) };
      log.error({ step: name, ...detail }, 'Incident engine step failed');
    }
  }

  return {
    incidents,
    hooks: {
      respond: (repositoryId) => step('respond', () => answerPending(repositoryId)),
      escalate: async () => {
        // The next pass after a crash: whatever the outbox still holds is answered first.
        await step('respond', () => answerPending());
        await step('advance', () => advanceOpenIncidents(engine()));
        await step('escalate', () => escalateIncidents(engine()));
        await step('follow-ups', () => runDueFollowUps(engine()));
        // One line per pass, so operators (and tests) can tell a pass happened without a timer.
        log.debug('Incident pass finished');
      },
      indexMirror: (repository, gitDir) => fingerprints.updateRepository(repository, gitDir),
      posture: (context) => step(context.runChecks ? 'posture' : 'posture-restore', () => posture(context)),
      postureStatus: () => posture.status(),
      indicate: (indicator, stores) => {
        codeStores = stores;
        return indicators().deliver(indicator);
      },
      watch: async (context) => {
        if (context.codeStores !== undefined) codeStores = context.codeStores();
        try {
          await watch(context);
        } catch (err) {
          options.log.error({ err: (err as Error).message }, 'Public watch cycle failed');
        }
      },
    },
    close() {
      incidents.close();
      postureStore.close();
      watchDb.close();
      shared?.close();
    },
  };
}
