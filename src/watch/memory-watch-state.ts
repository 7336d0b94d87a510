/** The watch state in memory, for tests and one-shot CLI runs. */
import type { WatchStateStore } from './types.js';

export class InMemoryWatchState implements WatchStateStore {
  private readonly values = new Map<string, string>();
  private readonly seen = new Set<string>();

  get(key: string): string | undefined {
    return this.values.get(key);
  }

  set(key: string, value: string): void {
    this.values.set(key, value);
  }

  hasSeen(scope: string, id: string): boolean {
    return this.seen.has(`${scope}\u0000${id}`);
  }

  markSeen(scope: string, id: string): void {
    this.seen.add(`${scope}\u0000${id}`);
  }
}
