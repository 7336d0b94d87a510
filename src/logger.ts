/**
 * The one logger. pino JSON on stderr, with redaction of every field that could carry a
 * credential, so a careless `log.info({ token })` cannot leak what we are protecting.
 */
import { pino } from 'pino';
import type { Logger, DestinationStream } from 'pino';

export type { Logger } from 'pino';

export const REDACT_PATHS = [
  'secret',
  'password',
  'token',
  'authorization',
  'accessKeyId',
  'secretAccessKey',
  'sessionToken',
  '*.secret',
  '*.password',
  '*.token',
  '*.authorization',
  '*.secretAccessKey',
  '*.sessionToken',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers["x-leakwatch-token"]',
];

export interface LoggerOptions {
  level?: string;
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: 'leakwatch',
      level: options.level ?? process.env.LEAKWATCH_LOG_LEVEL ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    options.destination ?? pino.destination(2),
  );
}
