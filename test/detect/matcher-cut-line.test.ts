import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/detect/load-rules.js';
import { Matcher } from '../../src/detect/matcher.js';

const matcher = new Matcher(loadRules());
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const value = [...randomBytes(32)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
const assignment = `const apiToken = "${value}";`;

function genericConfidences(text: string): string[] {
  return matcher
    .match(text)
    .filter((m) => m.ruleId.startsWith('generic'))
    .map((m) => m.confidence ?? 'rule');
}

describe('a generic match far into a long line', () => {
  it('is judged the same wherever the window before it is cut, a cut starting with // included', () => {
    const alone = genericConfidences(assignment);
    expect(alone).toHaveLength(1);
    expect(alone[0]).not.toBe('low');
    // Words with spaces (not minified code), with `//` inside a word (never a comment marker)
    // moved over every place where the matcher's window before the match can begin.
    const words = 'let total be sum of the parts here '.repeat(30);
    for (let at = words.length - 560; at <= words.length - 480; at++) {
      const prefix = `${words.slice(0, at)}a//b${words.slice(at + 4)}`;
      expect(genericConfidences(prefix + assignment), `'//' at ${at}`).toEqual(alone);
    }
  });
});
