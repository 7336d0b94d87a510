/**
 * What an option value must be, without the command line parser: parse-options.ts turns a
 * refusal into commander's usage error, and a scan answered from its cached report
 * (scan-from-cache.ts, before commander loads) leaves a value refused here to that parser.
 */
import { maxWorkerCount } from '../scan/worker-count.js';

/** A whole number of 1 or more, or null. */
export function positiveInt(value: string): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : null;
}

/** Worker threads: 1 up to two per core (more only costs memory and time), or null. */
export function workerCount(value: string): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= maxWorkerCount() ? n : null;
}
