/** How many scan workers: at most two per core, one per core unless told (worker-pool.ts runs them). */
import { availableParallelism } from 'node:os';
import { LeakwatchError } from '../errors.js';

/**
 * Most worker threads a scan may start: two per core. Each worker holds its own compiled
 * ruleset and heap, so past the cores more workers only cost memory and
 * time (`--workers 400`: 41 s and 4.6 GB where 2 took 1.7 s and 170 MB).
 */
export function maxWorkerCount(): number {
  return 2 * Math.max(1, availableParallelism());
}

/** Refuses a worker count outside 1..maxWorkerCount(), naming where it came from. */
export function checkWorkerCount(n: number, from: string): number {
  const max = maxWorkerCount();
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new LeakwatchError('usage', `${from} takes a whole number from 1 to ${max} (two per core), not "${n}".`);
  }
  return n;
}

/** LEAKWATCH_WORKERS when set (checked like --workers), else one per core. */
export function defaultWorkerCount(): number {
  const fromEnv = process.env.LEAKWATCH_WORKERS;
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    // 0 was accepted before and meant "inline": keep it.
    if (fromEnv.trim() === '0') return 1;
    return checkWorkerCount(Number(fromEnv), 'LEAKWATCH_WORKERS');
  }
  return Math.max(1, availableParallelism());
}
