/** A real pino logger (with the project's redaction) writing to memory, so tests can read the log. */
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger.js';
import type { Logger } from '../../src/logger.js';

export function memoryLogger(): { log: Logger; text: () => string } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const log = createLogger({ level: 'trace', destination });
  return { log, text: () => chunks.join('') };
}
