import { describe, expect, it } from 'vitest';
import { countCapturingGroups, secretEndsMatch } from '../../src/detect/compile-rule.js';
import { EXAMPLE_VARIABLES } from '../../src/detect/example-variables.js';
import { expandExample } from '../../src/detect/expand-example.js';
import { loadRules } from '../../src/detect/load-rules.js';
import { Matcher } from '../../src/detect/matcher.js';

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

describe('secretEndsMatch', () => {
  it('holds for a top-level group followed by nothing or by zero-width assertions only', () => {
    for (const [source, key] of [
      ['key=(?<secret>[a-z]{3,8})', 'secret'],
      ['key=([a-z]{3,8})', 1],
      ['(a)|key=(?<secret>[a-z]{3,8})\\b(?![0-9])$', 'secret'],
      ['(x)key=([a-z]{3,8})(?=[;,])(?<!q)', 2],
      ['(?:x|y)=([a-z]{3,8})(?!\\))', 1],
      ['key=[a-z]{3,8}', 0],
    ] as const) {
      expect(secretEndsMatch(source, key), source).toBe(true);
    }
  });

  it('fails for a group followed by more pattern, repeated, nested, in another alternative, or not there', () => {
    for (const [source, key] of [
      ['key=(?<secret>[a-z]{3,8});', 'secret'],
      ['key=(?<secret>[a-z]{3,8})\\)', 'secret'],
      ['key=(?<secret>[a-z]{3,8})[;]', 'secret'],
      ['key=(?<secret>[a-z]{3,8})?', 'secret'],
      ['key=(?<secret>[a-z]{3,8}){1,2}', 'secret'],
      ['key=(?:(?<secret>[a-z]{3,8}))', 'secret'],
      ['key=(?<secret>[a-z]{3,8})|other', 'secret'],
      ['key=(?<secret>[a-z]{3,8})(?=x)?', 'secret'],
      ['key=([a-z]{3,8})(b)', 1],
      ['key=[(]([a-z]{3,8})', 2],
      ['key=(?<other>[a-z]{3,8})', 'secret'],
    ] as const) {
      expect(secretEndsMatch(source, key), source).toBe(false);
    }
  });

  it('agrees with the regex engine on the positive examples of every rule it holds for', () => {
    const ruleset = loadRules([], { variables: EXAMPLE_VARIABLES });
    let checked = 0;
    for (const rule of ruleset.rules) {
      if (!rule.secretEndsMatch) continue;
      const re = new RegExp(rule.regex, `gd${rule.ignoreCase ? 'i' : ''}`);
      for (const example of rule.examples.positive) {
        for (const m of expandExample(example).matchAll(re)) {
          const key = rule.secretIndex;
          const span = typeof key === 'string' ? m.indices?.groups?.[key] : m.indices?.[key];
          if (span) expect(span[1], rule.id).toBe(m.index + m[0].length);
          if (span) checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('the secret offsets a match reports', () => {
  it('hold the secret, whether the secret ends its match or is found again by the sticky twin', () => {
    const ruleset = loadRules([], { variables: EXAMPLE_VARIABLES });
    const matcher = new Matcher(ruleset);
    const seen = { ends: 0, twin: 0 };
    for (const rule of ruleset.rules) {
      for (const example of rule.examples.positive) {
        const text = expandExample(example);
        for (const m of matcher.match(text)) {
          expect(text.slice(m.start, m.end), m.ruleId).toBe(m.secret);
          seen[ruleset.byId.get(m.ruleId)!.secretEndsMatch ? 'ends' : 'twin']++;
        }
      }
    }
    expect(seen.ends).toBeGreaterThan(100);
    expect(seen.twin).toBeGreaterThan(20);
  });
});
