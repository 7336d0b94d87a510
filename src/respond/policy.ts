/**
 * Which response policy applies to a rule family: `response.policies[family]`, else
 * `response.defaultPolicy` (`notify` unless configured). `notify` only tells the owner and writes
 * down what `auto` would do; `approve` waits for `leakwatch incidents approve`; `auto` acts.
 */
import type { LeakwatchConfig, ResponsePolicy } from '../config/config-types.js';

export function policyFor(family: string, response: Pick<LeakwatchConfig['response'], 'defaultPolicy' | 'policies'>): ResponsePolicy {
  return response.policies[family] ?? response.defaultPolicy;
}

/** May containment run now? `approve` needs a recorded approval. */
export function mayContain(policy: ResponsePolicy, approvedAt: Date | null): boolean {
  return policy === 'auto' || (policy === 'approve' && approvedAt !== null);
}

/**
 * The policy of a code-store containment family (`s3`, `ec2`): `response.policies[family]`, else
 * `approve`: changing a bucket's or an image's access is never done unasked by default.
 */
export function codeStorePolicy(family: 's3' | 'ec2', response: Pick<LeakwatchConfig['response'], 'policies'>): ResponsePolicy {
  return response.policies[family] ?? 'approve';
}
