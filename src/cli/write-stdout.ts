/**
 * Standard output written through its descriptor, synchronously, without process.stdout: Node.js
 * makes that stream, and loads the stream modules under it (1.5-2.5 ms), the first time it is
 * touched, which --version and a rerun answered from its cached report (scan-from-cache.ts), the
 * only writers to stdout in their process, need not pay. A reader that went away (EPIPE, as in
 * `leakwatch scan repo | head`) is not an error: the rest of the run (its warnings, its exit code)
 * goes on, as main.ts's handler of process.stdout's errors lets it elsewhere.
 */
import { writeAll } from '../util/write-all.js';

export function writeStdout(data: string | Buffer): void {
  try {
    writeAll(1, typeof data === 'string' ? Buffer.from(data) : data);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw err;
  }
}
