/** Writes all of a buffer to a file descriptor, synchronously. */
import { writeSync } from 'node:fs';

export function writeAll(fd: number, data: Buffer): void {
  for (let offset = 0; offset < data.length; ) {
    try {
      offset += writeSync(fd, data, offset);
    } catch (err) {
      // Our own stdout can be a non-blocking pipe: wait for the reader instead of failing.
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}
