/**
 * Typed errors. Anything a user can fix (bad input, unreachable target, bad rule or config)
 * is a LeakwatchError; the CLI prints its one-line message and exits 2.
 */
export type ErrorCode =
  | 'usage'
  | 'target'
  | 'git'
  | 'config'
  | 'rules'
  | 'state'
  | 'aws'
  | 'github'
  | 'notify';

export class LeakwatchError extends Error {
  readonly code: ErrorCode;
  readonly exitCode = 2;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'LeakwatchError';
  }
}

export function isLeakwatchError(err: unknown): err is LeakwatchError {
  return err instanceof LeakwatchError;
}
