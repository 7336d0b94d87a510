import { describe, expect, it } from 'vitest';
import { buildRuleset } from '../../src/detect/build-ruleset.js';
import { Matcher } from '../../src/detect/matcher.js';
import type { RuleSpec } from '../../src/detect/types.js';
import { ruleSpec } from '../helpers/rule-spec.js';

function spec(id: string, regex: string, generic: boolean, keywords = ['pass']): RuleSpec {
  return ruleSpec({ id, keywords, regex, generic, severity: 'medium' });
}

describe('overlap suppression between generic rules', () => {
  it('keeps only the narrower secret when two generic rules cover the same value', () => {
    const matcher = new Matcher(
      buildRuleset([
        spec('whole-url', 'pass=(\\S{1,80})', true),
        spec('url-password', 'pass=[a-z]{1,20}://[a-z]{1,20}:([^@\\s]{1,40})@', true),
      ]),
    );
    const ids = matcher.match('pass=redis://admin:Zq8vLr2pX@cache.local').map((m) => m.ruleId); // leakwatch:allow test input
    expect(ids).toEqual(['url-password']);
  });

  it('keeps the rule keyed on fewer words when two generic rules find exactly the same secret', () => {
    const matcher = new Matcher(
      buildRuleset([
        spec('specialised', 'pass=(\\w{1,40})', true),
        spec('catch-all', 'pass=(\\w{1,40})', true, ['pass', 'secret', 'token']),
      ]),
    );
    const ids = matcher.match('pass=Zq8vLr2pXw').map((m) => m.ruleId);
    expect(ids).toEqual(['specialised']);
  });

  it('keeps the later rule when two generic rules tie on secret and keywords', () => {
    const matcher = new Matcher(
      buildRuleset([spec('first', 'pass=(\\w{1,40})', true), spec('second', 'pass=(\\w{1,40})', true)]),
    );
    const ids = matcher.match('pass=Zq8vLr2pXw').map((m) => m.ruleId);
    expect(ids).toEqual(['second']);
  });

  it('keeps both when a generic and a specific rule do not overlap', () => {
    const matcher = new Matcher(
      buildRuleset([spec('generic-one', 'pass=(\\w{1,10})', true), spec('specific-one', 'pass2=(\\w{1,10})', false)]),
    );
    const ids = matcher.match('pass=abc12345 pass2=def67890').map((m) => m.ruleId).sort();
    expect(ids).toEqual(['generic-one', 'specific-one']);
  });
});
