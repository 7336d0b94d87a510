/**
 * A real pino logger (with the production redaction) writing into memory, so tests can assert
 * what was logged.
 */
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger.js';
import type { Logger } from '../../src/logger.js';

export interface MemoryLogger {
  log: Logger;
  /** Every log line, parsed. */
  lines: () => Array<Record<string, unknown>>;
  /** The raw log text. */
  text: () => string;
}

export function createMemoryLogger(level = 'trace'): MemoryLogger {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  const log = createLogger({ level, destination });
  return {
    log,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => chunks.join(''),
  };
}
