/** Writes a report to stdout, or to the file the user named (see write-file-safely.ts). */
import { LeakwatchError } from '../errors.js';
import { writeFileSafely } from '../util/write-file-safely.js';

/** Writes `text` to `file`, mapping a failure to a one-line error that names the option. */
export function writeUserFile(text: string | Buffer, file: string, option: string): void {
  try {
    writeFileSafely(file, text);
  } catch (err) {
    throw new LeakwatchError('usage', `cannot write ${file}: ${(err as Error).message}; check the ${option} path`);
  }
}

export function writeOutput(text: string | Buffer, file: string | undefined): void {
  if (!file) {
    process.stdout.write(text);
    return;
  }
  writeUserFile(text, file, '--output');
}
