/**
 * `leakwatch daemon`: runs the monitor until SIGTERM or SIGINT, then stops taking jobs, gives
 * running ones a few seconds to finish, and exits 0 within the 10 s a container runtime allows.
 */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../config/load-config.js';
import { createPlaybook } from '../daemon/create-playbook.js';
import type { Playbook } from '../daemon/create-playbook.js';
import { startDaemon } from '../daemon/start-daemon.js';
import type { StartDaemonOptions } from '../daemon/start-daemon.js';
import { loadRules } from '../detect/load-rules.js';
import { createLogger } from '../logger.js';
import { openMonitorStore } from '../store/open-store.js';

/** Time running jobs get to finish after a stop signal; the rest of the 10 s is for closing. */
export const SHUTDOWN_GRACE_MS = 7000;
const HARD_EXIT_MS = 9500;

export interface DaemonCommandDeps {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Replaces the playbook (incident response and public watch), for tests. */
  hooks?: StartDaemonOptions['hooks'];
}

export function createDaemonCommand(deps: DaemonCommandDeps = {}): Command {
  return new Command('daemon')
    .description('Run the monitor: mirror and scan every inventoried repository on schedule and on CodeCommit events; serve /healthz, /readyz, /metrics and the webhook')
    .option('--config <file>', 'configuration file (default: $LEAKWATCH_CONFIG or config/default.yaml)')
    .action(async (options: { config?: string }) => {
      const env = deps.env ?? process.env;
      const cwd = deps.cwd ?? process.cwd();
      const { config, path } = loadConfig({ configPath: options.config, env, cwd });
      const log = createLogger({ level: config.logLevel });
      log.info({ config: path ?? 'built-in defaults' }, 'Daemon starting');
      const dataDir = resolve(cwd, config.dataDir);
      const store = openMonitorStore({ dataDir, databaseUrl: config.databaseUrl });
      const ruleset = loadRules(config.scan.rulesDirs.map((dir) => resolve(cwd, dir)));
      let playbook: Playbook | undefined;
      let daemon;
      try {
        playbook = deps.hooks === undefined ? await createPlaybook({ config, log, env, dataDir, store, ruleset }) : undefined;
        daemon = await startDaemon({ config, log, cwd, env, ruleset, hooks: deps.hooks ?? playbook?.hooks, openStore: () => store,
          ...(playbook === undefined ? {} : { incidents: playbook.incidents }) });
      } catch (err) {
        playbook?.close();
        store.close();
        throw err;
      }
      const running = daemon;
      await new Promise<void>((done) => {
        let stopping = false;
        const onSignal = (signal: NodeJS.Signals): void => {
          if (stopping) return;
          stopping = true;
          log.info({ signal, running: running.queue.running() }, 'Daemon stopping');
          // Whatever hangs (a socket, a git child), the process is gone within the 10 s promised.
          setTimeout(() => process.exit(0), HARD_EXIT_MS).unref();
          running
            .stop(SHUTDOWN_GRACE_MS)
            .then(({ unfinished }) => {
              if (unfinished.length > 0) log.warn({ unfinished }, 'Jobs cut short; they run again at the next start');
              else playbook?.close();
              log.info('Daemon stopped');
              log.flush();
            })
            .catch((err: unknown) => log.error({ err: (err as Error).message }, 'Daemon stop failed'))
            .finally(done);
        };
        process.once('SIGTERM', onSignal);
        process.once('SIGINT', onSignal);
      });
      // Scan worker threads or a git child may still hold the event loop; the state is safe.
      process.exit(0);
    });
}
