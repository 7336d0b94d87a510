/**
 * The daemon's job queue: at most `concurrency` jobs at once and never two for one repository,
 * so a slow repository holds one slot and the others go on. A request for a repository that is
 * already running is remembered and run once more afterwards, so a push that lands mid-scan is
 * not missed; a request for one already waiting is merged into it. A queue made `paused` keeps
 * what it is given until `resume`: the daemon starts it so, because until its first inventory
 * refresh it knows only the redacted clone URLs in its store (credentials are never stored) and
 * a job then could not authenticate.
 */

export type JobRunner = (key: string, reasons: string[]) => Promise<void>;

export interface JobQueue {
  /** False when the queue no longer takes jobs (shutting down). */
  enqueue(key: string, reason: string): boolean;
  /**
   * Queues like `enqueue`, and resolves only once the job is kept where a crash cannot lose it
   * (the cluster's PostgreSQL queue); rejects when that write failed, so a webhook can tell its
   * sender to deliver again. The in-process queue keeps jobs in memory, and what a stop loses the
   * next start's scan of every repository covers: it resolves at once.
   */
  enqueueDurably(key: string, reason: string): Promise<boolean>;
  /** Stops taking jobs and drops the waiting ones; resolves when the running ones end or the deadline passes. */
  stop(deadlineMs: number): Promise<{ unfinished: string[] }>;
  /** Resolves when nothing runs or waits. */
  idle(): Promise<void>;
  running(): string[];
  waiting(): string[];
  /** Starts the waiting jobs of a queue made paused; a no-op once running. */
  resume(): void;
}

export function createJobQueue(options: { concurrency: number; run: JobRunner; paused?: boolean }): JobQueue {
  let paused = options.paused ?? false;
  const waiting = new Map<string, string[]>();
  const running = new Map<string, Promise<void>>();
  const again = new Map<string, string[]>();
  let stopped = false;
  const idleWaiters: Array<() => void> = [];

  function settleIdle(): void {
    if (running.size > 0 || waiting.size > 0) return;
    for (const done of idleWaiters.splice(0)) done();
  }

  function pump(): void {
    while (!stopped && !paused && running.size < options.concurrency) {
      const next = [...waiting.keys()].find((key) => !running.has(key));
      if (next === undefined) break;
      const reasons = waiting.get(next)!;
      waiting.delete(next);
      const job = options
        .run(next, reasons)
        .catch(() => undefined)
        .finally(() => {
          running.delete(next);
          const more = again.get(next);
          again.delete(next);
          if (more && !stopped) waiting.set(next, more);
          pump();
          settleIdle();
        });
      running.set(next, job);
    }
  }

  function enqueue(key: string, reason: string): boolean {
    if (stopped) return false;
    if (running.has(key)) {
      again.set(key, [...(again.get(key) ?? []), reason]);
      return true;
    }
    waiting.set(key, [...(waiting.get(key) ?? []), reason]);
    pump();
    return true;
  }

  return {
    enqueue,
    enqueueDurably: async (key, reason) => enqueue(key, reason),
    async stop(deadlineMs) {
      stopped = true;
      waiting.clear();
      again.clear();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((done) => (timer = setTimeout(done, deadlineMs)));
      await Promise.race([Promise.all(running.values()).then(() => undefined), deadline]);
      clearTimeout(timer);
      settleIdle();
      return { unfinished: [...running.keys()] };
    },
    idle() {
      if (running.size === 0 && waiting.size === 0) return Promise.resolve();
      return new Promise((done) => idleWaiters.push(done));
    },
    resume() {
      if (!paused) return;
      paused = false;
      pump();
    },
    running: () => [...running.keys()],
    waiting: () => [...waiting.keys()],
  };
}
