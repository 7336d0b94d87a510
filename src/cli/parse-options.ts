/** Parsers for CLI option values: a bad value is a usage error naming the option. */
import { InvalidArgumentError } from 'commander';
import { maxWorkerCount } from '../scan/worker-count.js';
import { positiveInt, workerCount } from './option-values.js';

export function parsePositiveInt(name: string) {
  return (value: string): number => {
    const n = positiveInt(value);
    if (n === null) throw new InvalidArgumentError(`${name} takes a whole number of 1 or more, not "${value}".`);
    return n;
  };
}

/** Worker threads: 1 up to two per core; more only costs memory and time. */
export function parseWorkers(value: string): number {
  const n = workerCount(value);
  if (n === null) throw new InvalidArgumentError(`--workers takes a whole number from 1 to ${maxWorkerCount()} (two per core), not "${value}".`);
  return n;
}

export function parseChoice<T extends string>(name: string, choices: readonly T[]) {
  return (value: string): T => {
    if (!(choices as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`${name} takes one of ${choices.join(', ')}, not "${value}".`);
    }
    return value as T;
  };
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
