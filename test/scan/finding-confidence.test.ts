import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/detect/load-rules.js';
import { ruleConfidence } from '../../src/detect/rule-confidence.js';
import type { CompiledRule } from '../../src/detect/types.js';
import { confidenceIn } from '../../src/scan/finding-confidence.js';

const ruleset = loadRules();
const rule = (id: string): CompiledRule => ruleset.byId.get(id)!;

describe('ruleConfidence', () => {
  it('is medium for generic rules, high for the others and for generic private-key rules', () => {
    expect(ruleConfidence(rule('generic-secret-assignment'))).toBe('medium');
    expect(ruleConfidence(rule('github-pat-classic'))).toBe('high');
    expect(ruleConfidence(rule('private-key-rsa'))).toBe('high');
    expect(rule('private-key-escaped').generic).toBe(true);
    expect(ruleConfidence(rule('private-key-escaped'))).toBe('high');
  });
});

describe('confidenceIn: rule kind × path context', () => {
  // The table of src/scan/finding-confidence.ts, row by row.
  const table: Array<[string, Array<[ReturnType<typeof confidenceIn>, 'test' | 'example' | 'docs' | 'vendor' | null]>]> = [
    ['github-pat-classic', [['high', null], ['medium', 'test'], ['medium', 'example'], ['medium', 'docs'], ['medium', 'vendor']]],
    ['private-key-rsa', [['high', null], ['low', 'test'], ['low', 'example'], ['low', 'docs'], ['medium', 'vendor']]],
    ['private-key-escaped', [['high', null], ['low', 'test'], ['low', 'example'], ['low', 'docs'], ['medium', 'vendor']]],
    ['generic-secret-assignment', [['medium', null], ['low', 'test'], ['low', 'example'], ['low', 'docs'], ['low', 'vendor']]],
    ['jwt-token', [['medium', null], ['low', 'test'], ['low', 'example'], ['low', 'docs'], ['low', 'vendor']]],
  ];
  for (const [id, cells] of table) {
    it(id, () => {
      for (const [level, context] of cells) expect([context, confidenceIn(rule(id), undefined, context)]).toEqual([context, level]);
    });
  }

  it("starts from the match's own level when it has one", () => {
    expect(confidenceIn(rule('generic-secret-assignment'), 'low', null)).toBe('low');
    expect(confidenceIn(rule('generic-secret-assignment'), 'high', null)).toBe('high');
    // A random value under a credential's name: at most low in a test or documentation, one lower
    // in an example or vendored code.
    expect(confidenceIn(rule('generic-secret-assignment'), 'high', 'test')).toBe('low');
    expect(confidenceIn(rule('generic-secret-assignment'), 'high', 'docs')).toBe('low');
    expect(confidenceIn(rule('generic-secret-assignment'), 'high', 'example')).toBe('medium');
    expect(confidenceIn(rule('generic-secret-assignment'), 'high', 'vendor')).toBe('medium');
    // A provider's token and a private key keep their own rules.
    expect(confidenceIn(rule('github-pat-classic'), 'high', 'test')).toBe('medium');
    expect(confidenceIn(rule('private-key-escaped'), 'high', 'test')).toBe('low');
    expect(confidenceIn(rule('private-key-escaped'), 'high', 'vendor')).toBe('medium');
    expect(confidenceIn(rule('github-pat-classic'), 'low', 'docs')).toBe('low');
  });
});
