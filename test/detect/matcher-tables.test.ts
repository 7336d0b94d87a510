import { describe, expect, it } from 'vitest';
import { buildRuleset } from '../../src/detect/build-ruleset.js';
import { EXAMPLE_VARIABLES } from '../../src/detect/example-variables.js';
import { expandExample } from '../../src/detect/expand-example.js';
import { buildKeywordIndex } from '../../src/detect/keyword-index.js';
import { loadRules } from '../../src/detect/load-rules.js';
import { Matcher } from '../../src/detect/matcher.js';
import { adoptMatcherTables, matcherParts, matcherTables } from '../../src/detect/matcher-tables.js';
import type { RawMatch } from '../../src/detect/types.js';

const ruleset = loadRules([], { variables: EXAMPLE_VARIABLES });

/** Every rule's examples, one text each, and all of them in one text. */
function texts(): string[] {
  const each = ruleset.rules.flatMap((r) => [...r.examples.positive, ...r.examples.negative].map(expandExample));
  return [...each, each.join('\n')];
}

const shown = (matches: RawMatch[]): string[] => matches.map((m) => `${m.ruleId}@${m.start}-${m.end}:${m.confidence ?? ''}`);

describe('matcher tables handed to another thread', () => {
  it('are plain data: through a structured clone, a ruleset built again from the specs matches as the original', () => {
    // What a worker gets: the specs, the hash and the tables, each copied by structured clone.
    const tables = structuredClone(matcherTables(ruleset));
    const copy = buildRuleset(structuredClone(ruleset.specs), { checked: true, hash: ruleset.hash });
    adoptMatcherTables(copy, tables);
    expect(copy.hash).toBe(ruleset.hash);
    // Built from scratch, with no tables handed to it: the reference.
    const fresh = new Matcher(buildRuleset(ruleset.specs, { checked: true }));
    const adopted = new Matcher(copy);
    let found = 0;
    for (const text of texts()) {
      const bytes = Buffer.from(text, 'latin1');
      const want = shown(fresh.matchBytesWithin(bytes, 'config/app.env', Infinity).matches);
      expect(shown(adopted.matchBytesWithin(bytes, 'config/app.env', Infinity).matches)).toEqual(want);
      // The regex pass (texts the prefilter does not take) reads the same adopted index.
      expect(shown(adopted.match(text, 'config/app.env'))).toEqual(shown(fresh.match(text, 'config/app.env')));
      found += want.length;
    }
    expect(found).toBeGreaterThan(ruleset.rules.length);
  });

  it('give the adopted ruleset the same keyword index, by rule, and a prefilter of its own', () => {
    const copy = buildRuleset(ruleset.specs, { checked: true });
    adoptMatcherTables(copy, structuredClone(matcherTables(ruleset)));
    const want = buildKeywordIndex(copy.rules).rulesFor;
    const { index, wasm } = matcherParts(copy);
    expect([...index.rulesFor.keys()]).toEqual([...want.keys()]);
    for (const [k, rules] of want) expect(index.rulesFor.get(k)).toEqual(rules);
    // Two Matchers of one ruleset share the index but never a prefilter's memory.
    const other = matcherParts(copy);
    expect(other.index).toBe(index);
    expect(wasm).not.toBeNull();
    expect(other.wasm).not.toBe(wasm);
  });

  it('are refused by a ruleset of other rules', () => {
    const fewer = buildRuleset(ruleset.specs.slice(1), { checked: true });
    expect(() => adoptMatcherTables(fewer, matcherTables(ruleset))).toThrow(/other rules/);
    const reordered = buildRuleset([...ruleset.specs].reverse(), { checked: true });
    expect(() => adoptMatcherTables(reordered, matcherTables(ruleset))).toThrow(/other rules/);
  });
});
