/**
 * `leakwatch watch`: one poll of the public watch, on demand. Indexes the repositories given
 * with --repo (their default branch), hashes the secrets in them, polls the enabled public
 * sources once and prints the exposures found. With --state the watch state (ETags, cursors,
 * seen ids) is kept in a SQLite file, so running it again reports only what is new, and so is
 * the fingerprint index of the given repositories, so running it again fingerprints only files
 * that changed. A daemon's state database keeps its own index: the one the daemon loaded at start
 * and alone writes, so there the given repositories are indexed in memory as without --state.
 * Exit 1 when something of ours was found in public, 0 when not, 2 on bad input.
 */
import type { Database as Db } from 'better-sqlite3';
import { Command, Option } from 'commander';
import { loadConfig } from '../config/load-config.js';
import { loadRules } from '../detect/load-rules.js';
import { isLeakwatchError, LeakwatchError } from '../errors.js';
import { redactUrlsIn } from '../git/redact-url.js';
import { createLogger } from '../logger.js';
import type { Logger } from '../logger.js';
import { DEFAULT_WINNOW_PARAMETERS } from '../fingerprint/winnow-parameters.js';
import { ObjectScanner } from '../scan/object-scanner.js';
import { openDatabase } from '../store/sqlite/open-database.js';
import { SqliteFingerprintIndex } from '../store/sqlite/sqlite-fingerprint-index.js';
import { SqliteWatchState } from '../store/sqlite/sqlite-watch-state.js';
import { createWatchRuntime } from '../watch/create-watch-runtime.js';
import { parseConfiguredTerms } from '../watch/distinctive-strings.js';
import { InMemoryWatchState } from '../watch/memory-watch-state.js';
import { prepareLocalRepos } from '../watch/prepare-local-repos.js';
import type { KeptFingerprintIndex } from '../watch/prepare-local-repos.js';
import { runWatchCycle } from '../watch/run-watch.js';
import type { PublicExposure } from '../watch/types.js';
import { reportUsageErrors } from './usage-errors.js';
import { escapeField, escapeText } from '../util/terminal-text.js';

export interface WatchIo {
  out(text: string): void;
  err(text: string): void;
  isTty: boolean;
  env: NodeJS.ProcessEnv;
  /** Defaults to a pino logger on stderr at the configured level. */
  log?: Logger;
}

export interface WatchCliOptions {
  repo?: string[];
  config?: string;
  state?: string;
  format?: 'text' | 'json';
}

const defaultIo: WatchIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY),
  env: process.env,
};

export function createWatchCommand(io: WatchIo = defaultIo): Command {
  const command = new Command('watch')
    .description('Poll public GitHub once for copies of our code and for our secrets.')
    .option('--repo <path>', 'one of our repositories: a local git repository (its HEAD is read) or a directory; repeat for more (required)', (v: string, p: string[]) => [...p, v], [])
    .option('--config <file>', 'configuration file with the watch.* and github.* options')
    .option('--state <file>', 'SQLite file that keeps the watch state, and the index of the --repo repositories, between runs (default: none, so everything is new)')
    .addOption(new Option('--format <format>', 'output format (default: text on a TTY, else json)').choices(['text', 'json']))
    .addHelpText('after', '\nExit codes: 0 nothing found, 1 something of ours is public, 2 bad input.\nToken: LEAKWATCH_GITHUB_TOKEN or GITHUB_TOKEN (code search needs one).')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .action(async (options: WatchCliOptions) => {
      try {
        process.exitCode = await runWatchCommand(options, io);
      } catch (err) {
        if (!isLeakwatchError(err)) throw err;
        io.err(`leakwatch watch: ${escapeText(redactUrlsIn(err.message))}\n`);
        process.exitCode = 2;
      }
    });
  return reportUsageErrors(command);
}

export async function runWatchCommand(options: WatchCliOptions, io: WatchIo): Promise<number> {
  const repos = options.repo ?? [];
  if (repos.length === 0) throw new LeakwatchError('usage', 'No repositories to watch for: pass --repo <path>');
  const { config } = loadConfig({ configPath: options.config, env: io.env });
  const log = io.log ?? createLogger({ level: config.logLevel });
  const scanner = new ObjectScanner(loadRules(config.scan.rulesDirs));
  const db = options.state === undefined ? undefined : openDatabase(options.state);
  const exposures: PublicExposure[] = [];
  try {
    const stored = db && keptIndex(db, log);
    const targets = await prepareLocalRepos(repos, scanner, { internalDomains: config.watch.internalDomains, ...(stored ? { index: stored } : {}) });
    if (stored) log.info({ files: stored.fileCount(), ...targets.sync }, 'Fingerprint index updated');
    const searchTerms = [...targets.searchTerms, ...parseConfiguredTerms(config.watch.searchTerms)];
    const runtime = await createWatchRuntime({ config, log, env: io.env, searchTerms: () => searchTerms });
    await runWatchCycle({
      ...runtime,
      state: db ? new SqliteWatchState(db) : new InMemoryWatchState(),
      sink: { deliver: async (e) => void exposures.push(e) },
      index: targets.index,
      scanner,
      knownSecrets: targets.knownSecrets,
      log,
    });
  } finally {
    db?.close();
  }
  const format = options.format ?? (io.isTty ? 'text' : 'json');
  io.out(format === 'json' ? `${JSON.stringify({ exposures }, null, 2)}\n` : formatText(exposures));
  return exposures.length > 0 ? 1 : 0;
}

/** The fingerprint index kept in the state file, unless the file is a daemon's (it has an inventory). */
function keptIndex(db: Db, log: Logger): KeptFingerprintIndex | undefined {
  if (db.prepare('SELECT 1 FROM repositories LIMIT 1').get() !== undefined) {
    log.info('State database belongs to a daemon: its fingerprint index is left alone, the given repositories are indexed in memory');
    return undefined;
  }
  return SqliteFingerprintIndex.open(db, { parameters: DEFAULT_WINNOW_PARAMETERS, log });
}

function formatText(exposures: readonly PublicExposure[]): string {
  if (exposures.length === 0) return 'Nothing of ours found in public.\n';
  return exposures
    .map((e) => {
      const what = e.canaryUses
        ? `canary key ${e.publicPath} used ${e.canaryUses.length} time(s) from ${[...new Set(e.canaryUses.map((u) => u.sourceIp))].join(', ')}`
        : e.kind === 'credential-exposure'
          ? `secret ${e.redacted ?? ''} (${e.ruleId ?? 'unknown rule'})`
          : `code, score ${e.score}, from ${e.matchedFiles.map((f) => f.path).join(', ')}`;
      return `${e.kind} of ${escapeField(e.repository)}: ${escapeText(what)}\n  ${escapeField(e.url)} lines ${e.lines.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ')}\n`;
    })
    .join('');
}
