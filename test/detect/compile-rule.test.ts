import { describe, expect, it } from 'vitest';
import { countCapturingGroups } from '../../src/detect/compile-rule.js';
import { EXAMPLE_VARIABLES } from '../../src/detect/example-variables.js';
import { loadRules } from '../../src/detect/load-rules.js';

const byRegex = (source: string): number => new RegExp(`${source}|`).exec('')!.length - 1;

describe('countCapturingGroups', () => {
  it('agrees with the regex engine on every rule of the catalogue', () => {
    const ruleset = loadRules([], { variables: EXAMPLE_VARIABLES });
    for (const rule of ruleset.rules) expect(countCapturingGroups(rule.regex), rule.id).toBe(byRegex(rule.regex));
  });

  it('skips escapes, character classes, look-arounds and non-capturing groups, and counts named groups', () => {
    for (const source of ['\\(a\\)', '[(](b)', '[\\]()](c)', '(?:a)(?=b)(?!c)(?<=d)(?<!e)', '(?<name>x)(y)', '((a)(?:b))', '[a-z\\[(]{1,3}']) {
      expect(countCapturingGroups(source), source).toBe(byRegex(source));
    }
  });
});
