/**
 * Starting scan worker threads, and starting them early: `leakwatch scan <folder>` starts its
 * workers while the command is still loading rules and resolving the target, so a worker's own
 * start (Node's worker bootstrap, loading the bundle: 0.1-0.2 s of one core) overlaps the CLI's
 * instead of following it. A worker started early waits for its rules (an `init` message) and
 * is taken by the first pool that starts; one no pool takes is unref'd and ends with the process.
 * Only node:worker_threads loads here, so the CLI may import it before anything else.
 */
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packagePath } from '../util/package-root.js';

/** Worker young generation (MB): small, so short-lived blob strings are collected early. */
const YOUNG_GENERATION_MB = 8;
/** The worker entry: its own file in the compiled tree and in the bundle alike. */
const workerUrl = (): URL => pathToFileURL(packagePath('dist', 'scan', 'scan-worker.js'));

/** Workers that have exited (a stop need not wait for them). */
export const exitedWorkers = new WeakSet<Worker>();

/** Workers need the compiled .js; the TypeScript sources (tests) run inline. */
export function workersAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}

/** A scan worker; without `data` it waits for an `init` message with its rules. */
export function spawnScanWorker(data: object | undefined): Worker {
  const worker = new Worker(workerUrl(), {
    workerData: data ?? { early: true },
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  worker.unref();
  worker.once('exit', () => exitedWorkers.add(worker));
  return worker;
}

interface Early {
  worker: Worker;
  /** Failed or exited before a pool took it: not to be taken. */
  failed: boolean;
  onError: () => void;
}

const early: Early[] = [];

/** Starts `count` workers now, for the scan about to start (where workers can run at all). */
export function prestartScanWorkers(count: number): void {
  if (!workersAvailable()) return;
  for (let i = 0; i < count; i++) {
    const worker = spawnScanWorker(undefined);
    const entry: Early = { worker, failed: false, onError: () => (entry.failed = true) };
    // An error before a pool takes it (none can hear it yet) only marks it unusable: the pool
    // then starts a worker of its own, whose errors the scan hears as before.
    worker.on('error', entry.onError);
    worker.once('exit', entry.onError);
    early.push(entry);
  }
}

/** Workers started early and not taken yet. */
export function prestartedCount(): number {
  return early.filter((e) => !e.failed).length;
}

/** A worker started early, given its rules and watch state; null when there is none (left). */
export function takePrestartedWorker(init: { specs: unknown; watchState: Int32Array }): Worker | null {
  for (let entry = early.shift(); entry !== undefined; entry = early.shift()) {
    entry.worker.off('error', entry.onError);
    entry.worker.off('exit', entry.onError);
    if (entry.failed || exitedWorkers.has(entry.worker)) {
      void entry.worker.terminate();
      continue;
    }
    entry.worker.postMessage({ kind: 'init', ...init });
    return entry.worker;
  }
  return null;
}
