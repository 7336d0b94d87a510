#!/usr/bin/env node
/** The leakwatch command line: one subcommand per file in this folder. */
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { handleError } from './handle-error.js';
import { reportUsageErrors } from './usage-errors.js';

/**
 * Commands load on demand: `scan` need not pay for the AWS SDK and Octokit, and `--version`
 * loads none. To add a command, add one line here (its module exports a `create...Command`).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  scan: async () => (await import('./scan.js')).createScanCommand(),
  rules: async () => (await import('./rules.js')).createRulesCommand(),
  inventory: async () => (await import('./inventory.js')).createInventoryCommand(),
  match: async () => (await import('./match.js')).createMatchCommand(),
  watch: async () => (await import('./watch.js')).createWatchCommand(),
  incidents: async () => (await import('./incidents.js')).createIncidentsCommand(),
  daemon: async () => (await import('./daemon.js')).createDaemonCommand(),
  canary: async () => (await import('./canary.js')).createCanaryCommand(),
  posture: async () => (await import('./posture.js')).createPostureCommand(),
};

export async function createProgram(argv: string[] = []): Promise<Command> {
  const program = new Command('leakwatch')
    .description('Find and contain source-code exposure: secrets in git history, copies of your code in public.')
    .version(VERSION)
    .option('--debug', 'print stack traces on errors')
    .showSuggestionAfterError();
  const args = argv.slice(2);
  const named = args.find((a) => !a.startsWith('-'));
  const versionOnly = named === undefined && (args.includes('--version') || args.includes('-V'));
  // Help (and a mistyped command's suggestion) needs every command; a known one needs only itself.
  const wanted = named !== undefined && named in COMMANDS ? [named] : versionOnly ? [] : Object.keys(COMMANDS);
  for (const name of wanted) program.addCommand(await COMMANDS[name]!());
  return reportUsageErrors(program);
}

// A reader that goes away (`leakwatch rules list | head`) is not an error.
// The AWS SDK warns on every Node 20 start that its releases after January 2027 need Node 22.
// The versions this package locks run on Node 20 (package.json engines); stderr is kept for what
// leakwatch itself must say (what it could not read), so the notice is off unless asked for.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

async function main(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  try {
    await (await createProgram(argv)).parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version (exit 0), or help printed for a missing subcommand (a usage error).
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    handleError(err, debug);
  }
}

await main(process.argv);
