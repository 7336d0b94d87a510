import { describe, expect, it } from 'vitest';
import { checkRuleExamples } from '../../src/detect/check-rule-examples.js';
import { EXAMPLE_VARIABLES } from '../../src/detect/example-variables.js';
import { loadRules } from '../../src/detect/load-rules.js';

const ruleset = loadRules([], { variables: EXAMPLE_VARIABLES });

describe('every built-in rule against its own examples and every other rule’s negatives', () => {
  for (const rule of ruleset.rules) {
    it(`${rule.id}: positives found, negatives quiet`, () => {
      expect(checkRuleExamples(ruleset, (r) => r.id === rule.id)).toEqual([]);
    });
  }
});
