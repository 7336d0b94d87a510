import { describe, expect, it } from 'vitest';
import { buildRuleset } from '../../src/detect/build-ruleset.js';
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
