/**
 * A rule's own confidence level, used when a match carries none (RawMatch.confidence): generic
 * rules, which know a credential only by the name it is assigned to, say `medium`; provider
 * rules, which know it by its prefix, checksum or pairing, say `high`, and so do the private-key
 * rules even where they are generic (an escaped or concatenated PEM block yields to a provider's
 * rule, but its armour and its decoded structure make it a key whatever it is assigned to).
 */
import type { RuleSpec } from './types.js';
import type { Confidence } from './types.js';

export const PRIVATE_KEY_FAMILY = 'private-key';

export function ruleConfidence(rule: Pick<RuleSpec, 'generic' | 'provider'>): Confidence {
  return rule.generic && rule.provider?.family !== PRIVATE_KEY_FAMILY ? 'medium' : 'high';
}
