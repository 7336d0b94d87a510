/**
 * The hard deadline on matching one object. The per-text budget (object-scanner.ts) is checked
 * between regex calls and cannot interrupt one; a regex the load-time checks let through can
 * still run for minutes on crafted input. So each worker publishes, in memory shared with the
 * main thread, which object of its chunk it is matching; the pool samples that and terminates a
 * worker stuck on one object (worker-pool.ts). Atomics, not messages: this runs per object.
 */

/** Int32 slots of the shared state: a counter bumped at every start and end of an object, the
 * object's index in the chunk (-1 between objects), its size, and the serial of the chunk (a
 * worker can have a second chunk waiting behind the one it matches: the serial says which). */
const SEQ = 0;
const INDEX = 1;
const BYTES = 2;
const SERIAL = 3;
const SLOTS = 4;

/** How far past the per-text budget one object may run before its worker is stopped. */
export const HARD_DEADLINE_FACTOR = 4;
/** The least time one object gets before its worker is stopped (worker start-up, a busy machine). */
export const HARD_DEADLINE_FLOOR_MS = 10_000;
/** How often the pool looks at its busy workers. */
export const WATCH_INTERVAL_MS = 250;

/** The per-text budget (object-scanner.ts): a second plus a second per MB. */
export function textBudgetMs(bytes: number): number {
  return 1000 + bytes / 1000;
}

export function hardDeadlineMs(bytes: number): number {
  return Math.max(HARD_DEADLINE_FLOOR_MS, HARD_DEADLINE_FACTOR * textBudgetMs(bytes));
}

export function newWatchState(): Int32Array {
  const state = new Int32Array(new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT));
  // Nothing is being matched until the worker says so: a worker still starting (slow on a busy
  // machine) must not look stuck on its chunk's first object.
  state[INDEX] = -1;
  return state;
}

/** What scan-chunk.ts calls around each object; a no-op inline. */
export interface MatchWatch {
  start(index: number, bytes: number): void;
  done(): void;
}

/** The worker's side: publishes each object it starts and ends, and which chunk it is in. */
export interface Publisher extends MatchWatch {
  /** Called before the first object of the chunk with this serial. */
  chunk(serial: number): void;
}

export function publisher(state: Int32Array): Publisher {
  Atomics.store(state, INDEX, -1);
  return {
    chunk(serial) {
      Atomics.store(state, SERIAL, serial);
    },
    start(index, bytes) {
      Atomics.store(state, INDEX, index);
      Atomics.store(state, BYTES, Math.min(bytes, 0x7fffffff));
      Atomics.add(state, SEQ, 1);
    },
    done() {
      Atomics.store(state, INDEX, -1);
      Atomics.add(state, SEQ, 1);
    },
  };
}

/**
 * The main thread's side, one per worker. The counter is sampled with the main thread's own
 * clock, so the two threads need no shared clock: an object whose counter has not moved for
 * longer than its deadline is stuck. Returns its index in the chunk, or -1.
 */
export class StuckObjectCheck {
  private seq = -1;
  private since = 0;

  constructor(
    private readonly state: Int32Array,
    private readonly deadlineFor: (bytes: number) => number,
  ) {}

  /** Called when a chunk is handed to the worker. */
  reset(now: number): void {
    this.seq = Atomics.load(this.state, SEQ);
    this.since = now;
  }

  stuck(now: number): number {
    return this.stuckAt(now)?.index ?? -1;
  }

  /** The stuck object's index and the serial of its chunk (`publisher().chunk`), or null. */
  stuckAt(now: number): { serial: number; index: number } | null {
    const seq = Atomics.load(this.state, SEQ);
    if (seq !== this.seq) {
      this.seq = seq;
      this.since = now;
      return null;
    }
    const index = Atomics.load(this.state, INDEX);
    const bytes = Atomics.load(this.state, BYTES);
    const serial = Atomics.load(this.state, SERIAL);
    // The worker moved on between the reads: not stuck.
    if (index < 0 || Atomics.load(this.state, SEQ) !== seq) return null;
    return now - this.since > this.deadlineFor(bytes) ? { serial, index } : null;
  }
}
