/**
 * Verification results by verifier and secret SHA-256, kept for a TTL, so a secret found in
 * fifty places is checked once (and a canary or a rate limit is not hit fifty times).
 */
import type { VerifyResult } from '../domain/verification.js';

export interface VerifyCache {
  get(verifierId: string, sha256: string): VerifyResult | undefined;
  set(verifierId: string, sha256: string, result: VerifyResult): void;
}

export function createVerifyCache(ttlMs: number, now: () => number = Date.now): VerifyCache {
  const entries = new Map<string, { result: VerifyResult; expires: number }>();
  const key = (verifierId: string, sha256: string) => `${verifierId}:${sha256}`;
  return {
    get(verifierId, sha256) {
      const hit = entries.get(key(verifierId, sha256));
      if (hit === undefined) return undefined;
      if (hit.expires <= now()) {
        entries.delete(key(verifierId, sha256));
        return undefined;
      }
      return hit.result;
    },
    set(verifierId, sha256, result) {
      entries.set(key(verifierId, sha256), { result, expires: now() + ttlMs });
    },
  };
}
