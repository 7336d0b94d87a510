/**
 * Usage errors (unknown option, missing argument, bad choice, unknown command) of every command
 * and subcommand end like every other error: one line on stderr naming the way out, exit 2.
 * Commander would print its own message and exit 1 from a nested command, or, once a custom exit
 * handler was replaced, print nothing at all; this is set once for the whole tree, which is
 * also where required options get "(required)" in their help.
 */
import type { Command, CommanderError } from 'commander';
import { LeakwatchError } from '../errors.js';

/** Help and version are answers, not errors; `commander.help` is help shown for a missing subcommand. */
const PASS_THROUGH = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

function toUsageError(command: Command, err: CommanderError): never {
  if (err.exitCode === 0 || PASS_THROUGH.has(err.code)) throw err;
  const message = err.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim().replace(/\.$/, '');
  throw new LeakwatchError('usage', `${message} (see '${commandPath(command)} --help')`);
}

/** Commander enforces `requiredOption`s but its help does not say which they are. */
function markRequired(command: Command): void {
  for (const option of command.options) {
    if (option.mandatory && !option.description.endsWith('(required)')) option.description = `${option.description} (required)`;
  }
}

/** Applies to `command` and every command below it; call again after adding commands. */
export function reportUsageErrors(command: Command): Command {
  markRequired(command);
  command.configureOutput({ outputError: () => undefined });
  command.exitOverride((err) => toUsageError(command, err));
  for (const sub of command.commands) reportUsageErrors(sub);
  return command;
}
