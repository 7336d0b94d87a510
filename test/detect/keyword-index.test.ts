import { describe, expect, it } from 'vitest';
import { buildRuleset } from '../../src/detect/build-ruleset.js';
import { buildKeywordIndex } from '../../src/detect/keyword-index.js';
import { loadRules } from '../../src/detect/load-rules.js';
import { Matcher } from '../../src/detect/matcher.js';
import type { RuleSpec } from '../../src/detect/types.js';
import { ruleSpec } from '../helpers/rule-spec.js';

function spec(id: string, keywords: string[], regex: string): RuleSpec {
  return ruleSpec({ id, keywords, regex });
}

describe('keyword prefilter', () => {
  const matcher = new Matcher(
    buildRuleset([
      spec('short', ['secret'], 'secret=(\\w{4,20})'),
      spec('long', ['secret_key'], 'SECRET_KEY:(\\w{4,20})'),
      spec('prefix', ['glpat-', 'glptt-'], '(gl(?:pat|ptt)-\\w{4,20})'),
    ]),
  );

  it('finds keywords whatever their case, including one that is a prefix of another', () => {
    const ids = matcher.match('SECRET_KEY:abcd1234 and secret=efgh5678').map((m) => m.ruleId).sort(); // leakwatch:allow test input
    expect(ids).toEqual(['long', 'short']);
  });

  it('finds sibling keywords that share a prefix', () => {
    expect(matcher.match('glptt-abcd1234 glpat-efgh5678').map((m) => m.secret)).toEqual(['glptt-abcd1234', 'glpat-efgh5678']);
  });

  it('keeps offsets right when lower-casing would change the text length', () => {
    const text = '\u0130\u0130 secret=abcd1234'; // leakwatch:allow test input
    const [m] = matcher.match(text);
    expect(m?.secret).toBe('abcd1234');
    expect(text.slice(m!.start, m!.end)).toBe('abcd1234');
  });
});

describe('keyword index', () => {
  it('gives each built-in keyword the rules of every keyword inside it, in rule order', () => {
    const { rules } = loadRules([]);
    const { rulesFor } = buildKeywordIndex(rules);
    const keywords = [...new Set(rules.flatMap((r) => r.keywords))];
    expect([...rulesFor.keys()].sort()).toEqual([...keywords].sort());
    // The plain definition, pair by pair: what the trie walk must give.
    for (const kw of keywords) {
      const expected = rules.filter((r) => r.keywords.some((k) => kw.includes(k))).map((r) => r.id);
      expect(rulesFor.get(kw)!.map((r) => r.id), kw).toEqual(expected);
    }
  });

  it('finds keywords inside others at any position, overlapping ones too', () => {
    const ruleset = buildRuleset([
      spec('aba', ['aba'], 'aba(\\d)'),
      spec('bab', ['bab'], 'bab(\\d)'),
      spec('ababab', ['ababab'], 'ababab(\\d)'),
      spec('other', ['xyz'], 'xyz(\\d)'),
    ]);
    const { rulesFor } = buildKeywordIndex(ruleset.rules);
    expect(rulesFor.get('ababab')!.map((r) => r.id)).toEqual(['aba', 'bab', 'ababab']);
    expect(rulesFor.get('aba')!.map((r) => r.id)).toEqual(['aba']);
    expect(rulesFor.get('xyz')!.map((r) => r.id)).toEqual(['other']);
  });
});
