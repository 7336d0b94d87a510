/**
 * `leakwatch incidents list|show|ack|approve|resolve|reopen`: read and act on the incidents the
 * daemon opened, from the same store (`<dataDir>/state.db`, or PostgreSQL when `databaseUrl` is set). Approving records the approval; the
 * daemon runs the containment on its next pass. An unknown id or a change the status does not
 * allow is a usage error (exit 2).
 */
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { LeakwatchConfig } from '../config/config-types.js';
import { loadConfig } from '../config/load-config.js';
import { changeIncident, loadIncident } from '../respond/change-incident.js';
import type { IncidentChange } from '../respond/change-incident.js';
import type { IncidentRecord, IncidentStore } from '../respond/incident-store.js';
import type { IncidentStatus } from '../domain/incident.js';
import { openIncidentStore } from '../store/open-store.js';
import { incidentJson, renderIncidentDetail, renderIncidentTable } from './incidents-view.js';
import { parseChoice } from './parse-options.js';

const FORMATS = ['table', 'json'] as const;
const STATUSES: readonly IncidentStatus[] = ['open', 'acknowledged', 'contained', 'resolved', 'false-positive'];

export interface IncidentsCommandDeps {
  write?: (text: string) => void;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  now?: () => Date;
}

interface CommonOptions {
  config?: string;
  format: (typeof FORMATS)[number];
}

export function incidentsDatabase(config: LeakwatchConfig, cwd: string): string {
  return join(resolve(cwd, config.dataDir), 'state.db');
}

function withStore<T>(deps: IncidentsCommandDeps, options: CommonOptions, run: (store: IncidentStore) => T): T {
  const env = deps.env ?? process.env;
  const cwd = deps.cwd ?? process.cwd();
  const { config } = loadConfig({ configPath: options.config, env, cwd });
  // The daemon's store: PostgreSQL when databaseUrl is set, else <dataDir>/state.db.
  const store = openIncidentStore({ dataDir: resolve(cwd, config.dataDir), ...(config.databaseUrl === undefined ? {} : { databaseUrl: config.databaseUrl }) });
  try {
    return run(store);
  } finally {
    store.close();
  }
}

function common(command: Command): Command {
  return command
    .option('--config <file>', 'configuration file (default: $LEAKWATCH_CONFIG or config/default.yaml)')
    .addOption(new Option('--format <format>', `output format: ${FORMATS.join(' or ')}`).default('table').argParser(parseChoice('--format', FORMATS)));
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function changeCommand(deps: IncidentsCommandDeps, name: string, description: string, change: (o: Record<string, unknown>) => IncidentChange): Command {
  const write = deps.write ?? ((text: string) => void process.stdout.write(text));
  return common(new Command(name).description(description).argument('<id>', 'incident id'))
    .option('--by <name>', 'who is acting (default: the current user)')
    .option('--note <text>', 'a note for the timeline')
    .action((id: string, options: CommonOptions & { by?: string; note?: string } & Record<string, unknown>) => {
      const by = options.by ?? userInfo().username;
      const now = (deps.now ?? (() => new Date()))();
      const result = withStore(deps, options, (store) => changeIncident(store, id, change(options), by, now, options.note));
      if (options.format === 'json') {
        write(json({ id, changed: result.changed, status: result.record.status, policy: result.record.policy, approvedAt: result.record.approvedAt }));
        return;
      }
      const what = change(options) === 'approve' ? 'approved (leakwatch contains it on its next pass)' : result.record.status;
      write(result.changed ? `Incident ${id} ${what}.\n` : `Incident ${id} was already ${what}; nothing changed.\n`);
    });
}

export function createIncidentsCommand(deps: IncidentsCommandDeps = {}): Command {
  const write = deps.write ?? ((text: string) => void process.stdout.write(text));
  const incidents = new Command('incidents').description('List, show and act on incidents (ack, approve, resolve, reopen)');

  incidents.addCommand(
    common(new Command('list').description('List incidents, oldest first'))
      .addOption(new Option('--status <status>', 'only incidents with this status').choices(STATUSES))
      .option('--all', 'include resolved and false-positive incidents')
      .action((options: CommonOptions & { status?: IncidentStatus; all?: boolean }) => {
        const filter = options.status !== undefined ? [options.status] : options.all === true ? undefined : STATUSES.slice(0, 3);
        const records: IncidentRecord[] = withStore(deps, options, (store) => store.list(filter === undefined ? {} : { status: filter }));
        write(options.format === 'json' ? json(records) : renderIncidentTable(records));
      }),
  );
  incidents.addCommand(
    common(new Command('show').description("Show an incident: facts, timeline and the owner's remaining steps").argument('<id>', 'incident id')).action(
      (id: string, options: CommonOptions) => {
        const record = withStore(deps, options, (store) => loadIncident(store, id));
        write(options.format === 'json' ? json(incidentJson(record)) : renderIncidentDetail(record));
      },
    ),
  );
  incidents.addCommand(changeCommand(deps, 'ack', 'Acknowledge an incident (stops escalation)', () => 'ack'));
  incidents.addCommand(changeCommand(deps, 'approve', 'Approve the planned containment of an incident', () => 'approve'));
  incidents.addCommand(
    changeCommand(deps, 'resolve', 'Resolve an incident (or mark it a false positive)', (o) =>
      o['falsePositive'] === true ? 'false-positive' : 'resolve',
    ).option('--false-positive', 'the finding is not a real secret'),
  );
  incidents.addCommand(changeCommand(deps, 'reopen', 'Reopen a resolved or false-positive incident', () => 'reopen'));
  // Usage errors of a subcommand must reach main's handler (exit 2), not exit the process with 1.
  for (const sub of incidents.commands) sub.exitOverride();
  return incidents;
}
