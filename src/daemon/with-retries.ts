/**
 * Retries a failing step with exponential backoff (backoff, 2×, 4×, ...), giving up early when
 * the daemon is shutting down, so one flaky remote is retried without holding shutdown.
 */
export interface RetryOptions {
  retries: number;
  backoffMs: number;
  /** Aborted on shutdown: no further attempt starts and the wait ends at once. */
  signal?: AbortSignal;
  onRetry?: (attempt: number, err: unknown, delayMs: number) => void;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((done) => {
    if (signal?.aborted) return done();
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      done();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      done();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export async function withRetries<T>(step: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      if (attempt >= options.retries || options.signal?.aborted) throw err;
      const delayMs = options.backoffMs * 2 ** attempt;
      options.onRetry?.(attempt + 1, err, delayMs);
      await sleep(delayMs, options.signal);
      if (options.signal?.aborted) throw err;
    }
  }
}
