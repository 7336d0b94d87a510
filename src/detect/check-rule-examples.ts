/**
 * Runs rules against their own examples: each positive example must produce a finding of its
 * rule, and each negative example must produce no finding of its rule nor of any other
 * specific (non-generic) rule. Used by the test suite and by `leakwatch rules test`.
 */
import { expandExample } from './expand-example.js';
import { Matcher } from './matcher.js';
import type { CompiledRule, Ruleset } from './types.js';

export interface ExampleFailure {
  ruleId: string;
  source: string;
  kind: 'positive' | 'negative';
  index: number;
  problem: string;
}

export function checkRuleExamples(ruleset: Ruleset, only?: (rule: CompiledRule) => boolean): ExampleFailure[] {
  const matcher = new Matcher(ruleset);
  const failures: ExampleFailure[] = [];
  for (const rule of ruleset.rules) {
    if (only && !only(rule)) continue;
    rule.examples.positive.forEach((example, i) => {
      const ids = matcher.match(expandExample(example)).map((m) => m.ruleId);
      if (!ids.includes(rule.id)) {
        failures.push({ ruleId: rule.id, source: rule.source, kind: 'positive', index: i + 1, problem: `not found${ids.length ? ` (found: ${ids.join(', ')})` : ''}` });
      }
    });
    rule.examples.negative.forEach((example, i) => {
      const ids = matcher
        .match(expandExample(example))
        .map((m) => m.ruleId)
        .filter((id) => id === rule.id || !ruleset.byId.get(id)!.generic);
      if (ids.length > 0) {
        failures.push({ ruleId: rule.id, source: rule.source, kind: 'negative', index: i + 1, problem: `reported by ${[...new Set(ids)].join(', ')}` });
      }
    });
  }
  return failures;
}
