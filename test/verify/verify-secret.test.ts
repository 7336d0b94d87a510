import { describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../src/domain/verification.js';
import type { Verifier } from '../../src/verify/types.js';
import { createVerificationService } from '../../src/verify/verify-secret.js';
import { fakeGitHubToken } from '../helpers/fake-credentials.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

function countingVerifier(status: VerifyResult['status']): Verifier & { calls: number } {
  const v = {
    id: 'fake',
    calls: 0,
    async verify() {
      v.calls += 1;
      return { verifier: 'fake', status, detail: 'checked', checkedAt: new Date(0) };
    },
  };
  return v;
}

function service(verifier: Verifier, clock: { ms: number }, acquired: { n: number }, log = createMemoryLogger().log) {
  return createVerificationService({
    clients: {},
    options: { canaryAccounts: [] },
    log,
    now: () => new Date(clock.ms),
    registry: new Map([[verifier.id, verifier]]),
    limiter: {
      acquire: async () => {
        acquired.n += 1;
      },
    },
    ttlMs: 60_000,
  });
}

describe('verification service', () => {
  it('checks a secret once per TTL and again after it expires', async () => {
    const verifier = countingVerifier('live');
    const clock = { ms: 1_000_000 };
    const acquired = { n: 0 };
    const verify = service(verifier, clock, acquired);
    const secret = { value: fakeGitHubToken() };
    await verify('fake', secret);
    await verify('fake', { ...secret });
    expect(verifier.calls).toBe(1);
    clock.ms += 60_001;
    await verify('fake', secret);
    expect(verifier.calls).toBe(2);
    expect(acquired.n).toBe(2);
  });

  it('caches per secret: another secret is checked separately', async () => {
    const verifier = countingVerifier('invalid');
    const verify = service(verifier, { ms: 0 }, { n: 0 });
    await verify('fake', { value: fakeGitHubToken() });
    await verify('fake', { value: fakeGitHubToken() });
    expect(verifier.calls).toBe(2);
  });

  it('does not cache transient errors', async () => {
    const verifier = countingVerifier('error');
    const verify = service(verifier, { ms: 0 }, { n: 0 });
    const secret = { value: fakeGitHubToken() };
    await verify('fake', secret);
    await verify('fake', secret);
    expect(verifier.calls).toBe(2);
  });

  it('turns a throwing verifier into an error result and never logs the secret', async () => {
    const { log, text } = createMemoryLogger();
    const secret = { value: fakeGitHubToken() };
    const throwing: Verifier = {
      id: 'fake',
      verify: async () => {
        throw new Error(`boom ${secret.value}`);
      },
    };
    const result = await service(throwing, { ms: 0 }, { n: 0 }, log)('fake', secret);
    expect(result).toMatchObject({ status: 'error', retryable: true });
    expect(text()).toContain('Verifier threw');
    expect(text()).not.toContain(secret.value);
  });

  it('skips an unknown verifier id', async () => {
    const result = await service(countingVerifier('live'), { ms: 0 }, { n: 0 })('nope', { value: 'x' });
    expect(result.status).toBe('skipped');
  });
});
