/** Writes a report to stdout, or to a file atomically (never a half-written report). */
import { renameSync, writeFileSync } from 'node:fs';
import { LeakwatchError } from '../errors.js';

export function writeOutput(text: string, file: string | undefined): void {
  if (!file) {
    process.stdout.write(text);
    return;
  }
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (err) {
    throw new LeakwatchError('usage', `cannot write ${file}: ${(err as Error).message}; check the --output path`);
  }
}
