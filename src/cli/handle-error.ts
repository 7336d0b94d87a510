/**
 * Every failure ends the same way: one line on stderr that says what is wrong and what to do,
 * exit code 2, and a stack trace only with --debug.
 */
import { isLeakwatchError } from '../errors.js';
import { redactUrlsIn } from '../git/redact-url.js';
import { escapeField, escapeText } from '../util/terminal-text.js';

export function handleError(err: unknown, debug: boolean): void {
  if (isLeakwatchError(err)) {
    process.stderr.write(`leakwatch: ${escapeText(redactUrlsIn(err.message))}\n`);
  } else {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`leakwatch: unexpected error: ${escapeField(redactUrlsIn(message.split('\n')[0]!))} (run with --debug for details)\n`);
  }
  if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exitCode = 2;
}
