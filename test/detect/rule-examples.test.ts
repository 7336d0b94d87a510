import { describe, expect, it } from 'vitest';
import { expandExample } from '../../src/detect/expand-example.js';
import { loadRules } from '../../src/detect/load-rules.js';
import { Matcher } from '../../src/detect/matcher.js';
import { EXAMPLE_VARIABLES } from '../../src/detect/example-variables.js';

const ruleset = loadRules([], { variables: EXAMPLE_VARIABLES });
const matcher = new Matcher(ruleset);
const specific = ruleset.rules.filter((r) => !r.generic);

describe('every built-in rule against its own examples', () => {
  for (const rule of ruleset.rules) {
    describe(rule.id, () => {
      rule.examples.positive.forEach((example, i) => {
        it(`finds positive example ${i + 1}`, () => {
          const ids = matcher.match(expandExample(example)).map((m) => m.ruleId);
          expect(ids).toContain(rule.id);
        });
      });
      rule.examples.negative.forEach((example, i) => {
        it(`stays quiet on negative example ${i + 1}`, () => {
          const ids = matcher.match(expandExample(example)).map((m) => m.ruleId);
          expect(ids).not.toContain(rule.id);
        });
      });
    });
  }
});

describe('no specific rule fires on another rule’s negatives', () => {
  for (const rule of ruleset.rules) {
    it(`negatives of ${rule.id}`, () => {
      for (const example of rule.examples.negative) {
        const hits = matcher
          .match(expandExample(example))
          .filter((m) => specific.some((r) => r.id === m.ruleId))
          .map((m) => m.ruleId);
        expect(hits).toEqual([]);
      }
    });
  }
});
