/**
 * A finding's confidence at one place. The match's own level (RawMatch.confidence, from the
 * text), else the rule's (generic `medium`, others and private keys `high`), is lowered by what
 * the path says (path-context.ts):
 *
 * | rule                         | ordinary | test, example, docs | vendor    |
 * |------------------------------|----------|---------------------|-----------|
 * | provider and sensitive-data  | high     | medium              | medium    |
 * | private key                  | high     | low                 | medium    |
 * | generic                      | its own  | one lower           | one lower |
 *
 * Context lowers a level by one: a token or a random password in a test, an example or
 * documentation is still a whole credential (fixtures record real exchanges), so it stays
 * medium and opens an incident; a value that is only a chosen word or an ordinary string falls
 * to low there. A private key in a test, an example or documentation falls to low: such keys
 * are generated for the test or the text and nothing in a key's shape ties it to anyone, so it
 * is reported (it is a key) without opening an incident. A place without a path (a commit
 * message, a blob in no commit) has no context.
 */
import { PRIVATE_KEY_FAMILY, ruleConfidence } from '../detect/rule-confidence.js';
import type { CompiledRule, Confidence } from '../detect/types.js';
import { lowerConfidence } from '../domain/confidence.js';
import type { PathContext } from './path-context.js';

export function confidenceIn(rule: CompiledRule, own: Confidence | undefined, context: PathContext | null): Confidence {
  const level = own ?? ruleConfidence(rule);
  if (context === null) return level;
  if (rule.provider?.family === PRIVATE_KEY_FAMILY && context !== 'vendor') return 'low';
  return lowerConfidence(level);
}
