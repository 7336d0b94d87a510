import { describe, expect, it } from 'vitest';
import { createJobQueue } from '../../src/daemon/job-queue.js';
import { withRetries } from '../../src/daemon/with-retries.js';

interface Gate {
  promise: Promise<void>;
  open: () => void;
}

function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((done) => (open = done));
  return { promise, open };
}

describe('job queue', () => {
  it('runs at most `concurrency` jobs, so a slow repository does not hold the others', async () => {
    const slow = gate();
    const started: string[] = [];
    const queue = createJobQueue({
      concurrency: 2,
      run: async (key) => {
        started.push(key);
        if (key === 'slow') await slow.promise;
      },
    });
    for (const key of ['slow', 'a', 'b', 'c']) queue.enqueue(key, 'test');
    await new Promise((wake) => setImmediate(wake));
    // a, b and c pass through the second slot while slow holds the first.
    await waitFor(() => started.length === 4);
    expect(queue.running()).toEqual(['slow']);
    slow.open();
    await queue.idle();
    expect(started).toEqual(['slow', 'a', 'b', 'c']);
  });

  it('never runs two jobs for one repository; a request during a run is run once more afterwards', async () => {
    const first = gate();
    const runs: string[][] = [];
    let concurrent = 0;
    let maxConcurrent = 0;
    const queue = createJobQueue({
      concurrency: 4,
      run: async (_key, reasons) => {
        concurrent++;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        runs.push(reasons);
        if (runs.length === 1) await first.promise;
        concurrent--;
      },
    });
    queue.enqueue('repo', 'schedule');
    queue.enqueue('repo', 'event:1');
    queue.enqueue('repo', 'event:2');
    first.open();
    await queue.idle();
    expect(maxConcurrent).toBe(1);
    expect(runs).toEqual([['schedule'], ['event:1', 'event:2']]);
  });

  it('keeps going after a failing job (failure isolation)', async () => {
    const done: string[] = [];
    const queue = createJobQueue({
      concurrency: 1,
      run: async (key) => {
        if (key === 'broken') throw new Error('cannot fetch');
        done.push(key);
      },
    });
    for (const key of ['broken', 'ok-1', 'ok-2']) queue.enqueue(key, 'test');
    await queue.idle();
    expect(done).toEqual(['ok-1', 'ok-2']);
  });

  it('on stop takes no more jobs, drops waiting ones, and reports jobs still running at the deadline', async () => {
    const stuck = gate();
    const started: string[] = [];
    const queue = createJobQueue({
      concurrency: 1,
      run: async (key) => {
        started.push(key);
        await stuck.promise;
      },
    });
    queue.enqueue('a', 'test');
    queue.enqueue('b', 'test');
    const outcome = await queue.stop(10);
    expect(outcome.unfinished).toEqual(['a']);
    expect(queue.enqueue('c', 'test')).toBe(false);
    stuck.open();
    await queue.idle();
    expect(started).toEqual(['a']);
  });
});

describe('withRetries', () => {
  it('retries with doubling delays and returns the first success', async () => {
    const delays: number[] = [];
    let calls = 0;
    const value = await withRetries(
      async () => {
        calls++;
        if (calls < 3) throw new Error('flaky');
        return 'ok';
      },
      { retries: 3, backoffMs: 1, onRetry: (_attempt, _err, delayMs) => delays.push(delayMs) },
    );
    expect(value).toBe('ok');
    expect(delays).toEqual([1, 2]);
  });

  it('gives up after the last retry, and at once when aborted', async () => {
    let calls = 0;
    await expect(withRetries(async () => Promise.reject(new Error(`fail ${++calls}`)), { retries: 2, backoffMs: 0 })).rejects.toThrow('fail 3');
    const abort = new AbortController();
    abort.abort();
    let aborted = 0;
    await expect(withRetries(async () => Promise.reject(new Error(`fail ${++aborted}`)), { retries: 5, backoffMs: 60_000, signal: abort.signal })).rejects.toThrow('fail 1');
  });
});

async function waitFor(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((wake) => setImmediate(wake));
}
