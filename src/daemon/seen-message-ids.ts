/**
 * The SNS MessageIds the webhook has acted on, so a delivery SNS (or an attacker holding a
 * captured copy) sends again is acted on once. Memory is bounded twice: an id is forgotten once
 * its message is older than the verifier accepts (a replay of it is refused there anyway), and
 * past `maxEntries` the oldest ids go first. The daemon keeps them in its store
 * (`createStoredSeenMessageIds`), so a repeat after a restart is dropped too; the in-memory
 * set serves tests and callers without a store.
 */
import type { SeenMessageStore } from '../store/types.js';
import { SNS_MAX_AGE_MS } from './verify-sns-message.js';

export interface SeenMessageIds {
  /** Records the id; false when it was already recorded (the message is a repeat). */
  claim(messageId: string, sentAt: number): boolean;
  /** Forgets an id whose handling failed, so SNS's retry of it is handled. */
  release(messageId: string): void;
  size(): number;
}

export interface SeenMessageIdsOptions {
  maxEntries?: number;
  maxAgeMs?: number;
  now?: () => number;
}

export function createSeenMessageIds(options: SeenMessageIdsOptions = {}): SeenMessageIds {
  const maxEntries = options.maxEntries ?? 10_000;
  const maxAgeMs = options.maxAgeMs ?? SNS_MAX_AGE_MS;
  const now = options.now ?? Date.now;
  // Insertion order is claim order; expiry is by the message's own time.
  const entries = new Map<string, number>();

  function prune(): void {
    const oldest = now() - maxAgeMs;
    for (const [id, sentAt] of entries) {
      if (entries.size <= maxEntries && sentAt >= oldest) break;
      entries.delete(id);
    }
    // Messages claimed out of time order can leave an expired id behind a newer one; it goes
    // when the size bound reaches it, which is all the bound needs.
  }

  return {
    claim(messageId, sentAt) {
      prune();
      if (entries.has(messageId)) return false;
      entries.set(messageId, sentAt);
      if (entries.size > maxEntries) prune();
      return true;
    },
    release(messageId) {
      entries.delete(messageId);
    },
    size: () => entries.size,
  };
}

/** The same, kept in the daemon's store: ids outlive a restart, and expire after `maxAgeMs`. */
export function createStoredSeenMessageIds(store: SeenMessageStore, options: Omit<SeenMessageIdsOptions, 'maxEntries'> = {}): SeenMessageIds {
  const maxAgeMs = options.maxAgeMs ?? SNS_MAX_AGE_MS;
  const now = options.now ?? Date.now;
  return {
    claim: (messageId, sentAt) => store.claimMessageId(messageId, sentAt, now() - maxAgeMs),
    release: (messageId) => store.releaseMessageId(messageId),
    size: () => store.seenMessageIdCount(),
  };
}
