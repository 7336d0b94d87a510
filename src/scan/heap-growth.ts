/**
 * How far V8 lets a thread's heap grow past what its last full collection kept, for the threads of
 * a scan with workers. V8 sizes that growth by how cheap its collections are, up to four times the
 * live heap: a scan worker keeps about 10 MB live but its heap reached 55 MB, mostly region
 * strings of large blobs (large-object space) waiting for a collection, in each of two workers and
 * the main thread. Twice the live heap instead: on a 44,482-commit, 3.2 GB history the largest
 * process went from 333-335 to 289-307 MB (docs/benchmarks.md). The flag is read each time a limit
 * is set, so it applies to the threads already running too; it is set once, when a history scan
 * first reads a chunk larger than its common buffer (a blob of megabytes): on histories of small
 * blobs the default growth is kept, as it costs less CPU there (the auth corpus: 4 % more with the
 * limit).
 */
import { setFlagsFromString } from 'node:v8';

const GROWING_PERCENT = 100;
let set = false;

export function limitHeapGrowth(): void {
  if (set) return;
  set = true;
  setFlagsFromString(`--heap-growing-percent=${GROWING_PERCENT}`);
}
