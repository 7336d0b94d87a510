/** The leakwatch command line (main.ts loads it for anything but --version): one subcommand per file in this folder. */
import { Command, CommanderError, Help } from 'commander';
import { VERSION } from '../version.js';
import { handleError } from './handle-error.js';
import { reportUsageErrors } from './usage-errors.js';

interface CommandEntry {
  /** What top-level help shows for it: the term after the name, and the description. */
  usage: string;
  description: string;
  load: () => Promise<Command>;
}

/**
 * Commands load on demand: `scan` need not pay for the AWS SDK and Octokit, and `--version`
 * loads none. Top-level help lists them from the usage and description written here, so
 * `leakwatch --help` loads none either (test/cli/program-help.test.ts checks them against the
 * commands). To add a command, add an entry here (its module exports a `create...Command`).
 */
export const COMMANDS: Record<string, CommandEntry> = {
  scan: {
    usage: '[options] <target>',
    description: "Scan a git repository's whole history (every blob once, dangling objects included), a plain directory, an S3 location (objects and archive members), or a clone URL for secrets.",
    load: async () => (await import('./scan.js')).createScanCommand(),
  },
  rules: {
    usage: '',
    description: 'List detector rules, test them against their examples, and print their catalogue.',
    load: async () => (await import('./rules.js')).createRulesCommand(),
  },
  inventory: {
    usage: '[options]',
    description: 'List the repositories and code stores (S3, EC2) leakwatch watches, with owner and classification; flag missing owners',
    load: async () => (await import('./inventory.js')).createInventoryCommand(),
  },
  match: {
    usage: '[options] <candidates...>',
    description: 'Is this ours? Match candidate files, directories or URLs against our repositories.',
    load: async () => (await import('./match.js')).createMatchCommand(),
  },
  watch: {
    usage: '[options]',
    description: 'Poll public GitHub once for copies of our code and for our secrets.',
    load: async () => (await import('./watch.js')).createWatchCommand(),
  },
  incidents: {
    usage: '',
    description: 'List, show and act on incidents (ack, approve, resolve, reopen)',
    load: async () => (await import('./incidents.js')).createIncidentsCommand(),
  },
  daemon: {
    usage: '[options]',
    description: 'Run the monitor: mirror and scan every inventoried repository on schedule and on CodeCommit events; serve /healthz, /readyz, /metrics and the webhook',
    load: async () => (await import('./daemon.js')).createDaemonCommand(),
  },
  canary: {
    usage: '',
    description: 'AWS canary keys: a key with no permissions planted in a repository; any use of it is an alarm',
    load: async () => (await import('./canary.js')).createCanaryCommand(),
  },
  posture: {
    usage: '[options]',
    description: 'Check readiness and prevention (CloudTrail, S3 public access, public images, IAM, GuardDuty, Macie, CodeBuild, owners); read-only',
    load: async () => (await import('./posture.js')).createPostureCommand(),
  },
};

/** A command's line in top-level help, without loading it: its name and description, no action. */
function summaryOf(name: string, entry: CommandEntry): Command {
  return new Command(name).description(entry.description);
}

export async function createProgram(argv: string[] = []): Promise<Command> {
  const program = new Command('leakwatch')
    .description('Find and contain source-code exposure: secrets in git history, copies of your code in public.')
    .version(VERSION)
    .option('--debug', 'print stack traces on errors')
    .showSuggestionAfterError();
  const args = argv.slice(2);
  const named = args.find((a) => !a.startsWith('-'));
  const versionOnly = named === undefined && (args.includes('--version') || args.includes('-V'));
  if (named === undefined && !versionOnly) {
    // No command named: help (asked for, or for a missing command) needs only each one's line.
    program.configureHelp({
      subcommandTerm: (cmd) => {
        const entry = COMMANDS[cmd.name()];
        return entry ? [cmd.name(), entry.usage].filter(Boolean).join(' ') : new Help().subcommandTerm(cmd);
      },
    });
    for (const [name, entry] of Object.entries(COMMANDS)) program.addCommand(summaryOf(name, entry));
    return reportUsageErrors(program);
  }
  // `help X` and a mistyped command's suggestion need every command; a known one needs only itself.
  const wanted = named !== undefined && named in COMMANDS ? [named] : versionOnly ? [] : Object.keys(COMMANDS);
  for (const name of wanted) program.addCommand(await COMMANDS[name]!.load());
  return reportUsageErrors(program);
}

// The AWS SDK warns on every Node 20 start that its releases after January 2027 need Node 22.
// The versions this package locks run on Node 20 (package.json engines); stderr is kept for what
// leakwatch itself must say (what it could not read), so the notice is off unless asked for.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export async function main(argv: string[]): Promise<void> {
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

