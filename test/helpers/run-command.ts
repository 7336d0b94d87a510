/**
 * Runs a commander command in-process the way `main` does, and returns its exit code and what it
 * wrote. `io` is built by the caller around the `out`/`err` sinks this helper passes in.
 */
import type { Command } from 'commander';

export interface CommandRun {
  code: number | undefined;
  out: string;
  err: string;
}

export async function runCommand(
  create: (out: (s: string) => void, err: (s: string) => void) => Command,
  args: string[],
): Promise<CommandRun> {
  let out = '';
  let err = '';
  const command = create(
    (s) => void (out += s),
    (s) => void (err += s),
  );
  process.exitCode = undefined;
  try {
    await command.parseAsync(args, { from: 'user' });
  } catch (e) {
    // Commander usage errors surface as a LeakwatchError for main to print; mirror that here.
    const error = e as { exitCode?: number; message: string };
    return { code: error.exitCode, out, err: err + error.message };
  }
  const code = typeof process.exitCode === 'number' ? process.exitCode : undefined;
  process.exitCode = undefined;
  return { code, out, err };
}
