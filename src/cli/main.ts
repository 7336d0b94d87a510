#!/usr/bin/env node
/** The leakwatch command line: one subcommand per file in this folder. */
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { createDaemonCommand } from './daemon.js';
import { handleError } from './handle-error.js';
import { createInventoryCommand } from './inventory.js';
import { createMatchCommand } from './match.js';
import { createRulesCommand } from './rules.js';
import { createScanCommand } from './scan.js';

export function createProgram(): Command {
  const program = new Command('leakwatch')
    .description('Find and contain source-code exposure: secrets in git history, copies of your code in public.')
    .version(VERSION)
    .option('--debug', 'print stack traces on errors')
    .showSuggestionAfterError()
    .exitOverride();
  for (const command of [createScanCommand(), createRulesCommand(), createInventoryCommand(), createMatchCommand(), createDaemonCommand()]) {
    program.addCommand(command.exitOverride());
  }
  return program;
}

async function main(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  try {
    await createProgram().parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander has printed its message; help and version are not errors.
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    handleError(err, debug);
  }
}

await main(process.argv);
