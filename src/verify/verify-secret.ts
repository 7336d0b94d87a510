/**
 * The entry point of opt-in verification: registry lookup, cache by secret SHA-256, a simple
 * rate limit, and a verifier that never throws. Transient errors are not cached, so the next
 * sighting of the secret tries again.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { VerifyResult, VerifySecret } from '../domain/verification.js';
import { createRateLimiter } from '../util/create-rate-limiter.js';
import type { RateLimiter } from '../util/create-rate-limiter.js';
import { verifiers as defaultVerifiers } from './api.js';
import { createVerifyCache } from './verify-cache.js';
import type { VerifyCache } from './verify-cache.js';
import type { Verifier, VerifyClients, VerifyOptions } from './types.js';

export interface VerificationServiceOptions {
  clients: VerifyClients;
  options: VerifyOptions;
  log: Logger;
  now?: () => Date;
  registry?: ReadonlyMap<string, Verifier>;
  cache?: VerifyCache;
  limiter?: RateLimiter;
  /** Default one hour. */
  ttlMs?: number;
  /** Default one check per second across all verifiers. */
  perSecond?: number;
}

export function createVerificationService(opts: VerificationServiceOptions): VerifySecret {
  const now = opts.now ?? (() => new Date());
  const registry = opts.registry ?? defaultVerifiers;
  const cache = opts.cache ?? createVerifyCache(opts.ttlMs ?? 3_600_000, () => now().getTime());
  const limiter = opts.limiter ?? createRateLimiter({ perSecond: opts.perSecond ?? 1 });

  return async (verifierId, secret) => {
    const verifier = registry.get(verifierId);
    if (verifier === undefined) {
      return { verifier: verifierId, status: 'skipped', detail: `No verifier named ${verifierId}.`, checkedAt: now() };
    }
    const sha256 = createHash('sha256').update(secret.value).digest('hex');
    const cached = cache.get(verifierId, sha256);
    if (cached !== undefined) return cached;

    await limiter.acquire();
    let result: VerifyResult;
    try {
      result = await verifier.verify({ secret, clients: opts.clients, options: opts.options, log: opts.log, now });
    } catch (err) {
      // A verifier bug must not take the daemon down; its message may not be safe to log.
      opts.log.error({ verifier: verifierId, errName: (err as Error).name, sha256 }, 'Verifier threw');
      const detail = 'The verifier failed unexpectedly.';
      result = { verifier: verifierId, status: 'error', detail, checkedAt: now(), retryable: true };
    }
    if (result.status !== 'error') cache.set(verifierId, sha256, result);
    opts.log.info({ verifier: verifierId, sha256, status: result.status }, 'Secret verified');
    return result;
  };
}
