/**
 * A scan reads the rule files once: their bytes key its cached report (readRuleSources), and
 * loadRules builds the ruleset from those same bytes instead of reading the files again.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRules, rulesSourceKey } from '../../src/detect/load-rules.js';
import { readRuleSources } from '../../src/detect/rule-sources.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

const ruleFile = (id: string): string => `family: mine
provider: Mine
rules:
  - id: ${id}
    title: A rule of this test
    severity: high
    keywords: [mine_]
    regex: '\\b(mine_[a-z0-9]{20})\\b'
    examples:
      positive:
        - 'key = "mine_{{rand:alnum:20}}"'
      negative:
        - 'key = "mine_short"'
`;

describe('rule files read once per scan', () => {
  it('loadRules given the sources read before builds from them, not from the files as they are now', () => {
    const dir = tempDir();
    const file = join(dir, 'mine.yaml');
    writeFileSync(file, ruleFile('mine-first'));
    const sources = readRuleSources([dir], { builtin: false });
    // Changed, then gone: neither is seen.
    writeFileSync(file, ruleFile('mine-second'));
    rmSync(file);
    const ruleset = loadRules([dir], { builtin: false, sources });
    expect(ruleset.rules.map((r) => r.id)).toEqual(['mine-first']);
    expect(ruleset.sourceKey).toBe(sources.key);
  });

  it('gives the ruleset the key rulesSourceKey gives for the same files', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mine.yaml'), ruleFile('mine-rule'));
    const sources = readRuleSources([dir], {});
    expect(loadRules([dir], { sources }).sourceKey).toBe(rulesSourceKey([dir]));
    expect(loadRules([dir], {}).sourceKey).toBe(sources.key);
  });
});
