/**
 * A rule's own confidence level, used when a match carries none (RawMatch.confidence): generic
 * rules, which know a credential only by the name it is assigned to, say `medium`; provider
 * rules, which know it by its prefix, checksum or pairing, say `high`.
 */
import type { Confidence, RuleSpec } from './types.js';

export function ruleConfidence(rule: Pick<RuleSpec, 'generic'>): Confidence {
  return rule.generic ? 'medium' : 'high';
}
