/**
 * A finding's confidence at one place. The match's own level (RawMatch.confidence, from the
 * text), else the rule's (generic `medium`, others and private keys `high`), is lowered by what
 * the path says (path-context.ts):
 *
 * | rule                         | ordinary | test, docs | example   | vendor    |
 * |------------------------------|----------|------------|-----------|-----------|
 * | provider and sensitive-data  | high     | medium     | medium    | medium    |
 * | private key                  | high     | low        | low       | medium    |
 * | generic                      | its own  | low        | one lower | one lower |
 *
 * A provider's token keeps `medium` in a test or documentation: its prefix, checksum or pairing
 * say it is a whole credential of that provider, and fixtures record real exchanges. A generic
 * value there is known only by the name it is assigned to, and tests and docs assign made-up
 * values to credential names all the time (a random-looking one as often as a word): it is
 * reported at `low` (shown in JSON and SARIF, no incident), so clean repositories' test suites
 * and docs do not open incidents. An example or a template holds a value someone may copy into
 * use, and vendored code is code that runs: there a generic value is one lower. A private key in
 * a test, an example or documentation falls to low: such keys are generated for the test or the
 * text and nothing in a key's shape ties it to anyone, so it is reported (it is a key) without
 * opening an incident. A password hash on a commented-out line comes as medium from the text
 * (the comment shows a setting's format), so it falls to low there too. A place without a path (a commit message, a blob in no commit) has no
 * context.
 */
import { PRIVATE_KEY_FAMILY, ruleConfidence } from '../detect/rule-confidence.js';
import type { CompiledRule, Confidence } from '../detect/types.js';
import { lowerConfidence } from '../domain/confidence.js';
import type { PathContext } from './path-context.js';

export function confidenceIn(rule: CompiledRule, own: Confidence | undefined, context: PathContext | null): Confidence {
  const level = own ?? ruleConfidence(rule);
  if (context === null) return level;
  if (rule.provider?.family === PRIVATE_KEY_FAMILY) return context === 'vendor' ? lowerConfidence(level) : 'low';
  if (rule.generic && (context === 'test' || context === 'docs')) return 'low';
  return lowerConfidence(level);
}
