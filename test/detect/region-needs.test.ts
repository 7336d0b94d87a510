import { describe, expect, it } from 'vitest';
import { buildRuleset } from '../../src/detect/build-ruleset.js';
import { join } from 'node:path';
import { BUILTIN_RULES_DIR, readRuleFile } from '../../src/detect/load-rules.js';
import { Matcher } from '../../src/detect/matcher.js';
import { ruleSpec } from '../helpers/rule-spec.js';

const value = ['Zq8v', 'Lr2p', 'Xw41'].join('');

describe('regionNeeds', () => {
  const rules = buildRuleset([
    ruleSpec({ id: 'needs-marker', keywords: ['pass'], regex: 'pass=(\\w{6,40})', regionNeeds: ';ok;' }),
    ruleSpec({ id: 'needs-marker-too', keywords: ['pass'], regex: 'pass=(\\w{6,40})', regionNeeds: ';ok;' }),
  ]);

  it('skips a rule on a candidate region without its needed text, and runs it where the region has it', () => {
    const matcher = new Matcher(rules);
    expect(matcher.match(`pass=${value}`)).toEqual([]);
    expect(matcher.match(`pass=${value} ;OK;`).map((m) => m.ruleId).sort()).toEqual(['needs-marker', 'needs-marker-too']);
    // Regions are lines: the needed text on another line does not open this one.
    expect(matcher.match(`pass=${value}\n;ok;`)).toEqual([]);
  });

  it('answers each region afresh in the next text', () => {
    const matcher = new Matcher(rules);
    expect(matcher.match(`pass=${value} ;ok;`)).toHaveLength(2);
    expect(matcher.match(`pass=${value} ;no;`)).toEqual([]);
  });

  it('is refused when it could run in more than linear time', () => {
    expect(() => buildRuleset([ruleSpec({ id: 'bad-needs', keywords: ['pass'], regex: 'pass=(\\w{6,40})', regionNeeds: '(?:a+)+b' })])).toThrow(/regionNeeds/);
  });

  it('leaves the URL rules finding a password in a URL, and not a URL without one', () => {
    const matcher = new Matcher(buildRuleset(['database.yaml', 'http-auth.yaml'].flatMap((f) => readRuleFile(join(BUILTIN_RULES_DIR, f)))));
    const found = matcher.match(`DATABASE_URL=postgres://app:${value}@db.internal:5432/shop`).map((m) => m.ruleId);
    expect(found).toContain('database-postgres-url-password');
    expect(matcher.match('see https://example.com/docs and postgres://db.internal:5432/shop')).toEqual([]);
  });
});
