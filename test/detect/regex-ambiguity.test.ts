import { describe, expect, it } from 'vitest';
import { checkRegexSafety } from '../../src/detect/check-regex-safety.js';

describe('regex safety: repeated groups that can backtrack exponentially', () => {
  it('refuses the nested-quantifier rule of issue 10 and names the group', () => {
    const problem = checkRegexSafety('svc_(?:[A-Za-z0-9]{1,20}[-_]?){1,20}_token', 'gd');
    expect(problem).toContain('"(?:[A-Za-z0-9]{1,20}[-_]?){1,20}"');
    expect(problem).toMatch(/can match the same text in more than [\d,]+ ways/);
  });

  it.each([
    ['(?:a|a){1,30}', ''],
    ['(?:[a-z]{1,5}){1,10}x', ''],
    ['x(?:\\w{1,8}|[0-9]{1,8}){1,12}y', ''],
    ['(?:[A-Z]{1,6}){1,12}', 'i'],
    // The lookahead body is a pattern of its own.
    ['a(?=(?:[a-z]{1,9}){1,9}!)', ''],
  ])('refuses %s', (source, flags) => {
    expect(checkRegexSafety(source, `gd${flags}`)).toMatch(/ways|states|positions/);
  });

  it.each([
    ['(?:[^\\n]{0,100}\\n){2,400}'],
    ['(?:-[a-z]{2,10}){0,2}'],
    ['(?:[0-9]{1,14}-){1,3}'],
    ['(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.){1,6}'],
    ['(?:[^"\\\\\\n]|\\\\.){8,800}'],
    ['(?<![A-Za-z0-9])[A-Za-z0-9]{100,300}(?![A-Za-z0-9])'],
    ['(?:\\w{1,3}\\s){1,20}'],
  ])('accepts the unambiguous %s', (source) => {
    expect(checkRegexSafety(source, 'gd')).toBeNull();
  });

  it('counts case-insensitive matches: [a-z] and [A-Z] overlap under i', () => {
    expect(checkRegexSafety('(?:[a-z]{1,8}[A-Z]?){1,12}', 'gd')).not.toBeNull();
    expect(checkRegexSafety('(?:[a-z]{1,8}[0-9]){1,12}', 'gd')).toBeNull();
    expect(checkRegexSafety('(?:[a-z]{1,8}K){1,12}', 'gd')).toBeNull();
    expect(checkRegexSafety('(?:[a-z]{1,8}K){1,12}', 'gdi')).not.toBeNull();
  });
});

describe('regex safety: neighbouring quantifiers over the same characters', () => {
  it('refuses [a-z]{0,300}[a-z]{0,300}[a-z]{0,300}X, naming the parts', () => {
    expect(checkRegexSafety('[a-z]{0,300}[a-z]{0,300}[a-z]{0,300}X', 'gd')).toMatch(
      /adjacent parts "\[a-z\]\{0,300\}\[a-z\]\{0,300\}\[a-z\]\{0,300\}" can split one text/,
    );
  });

  it('accepts neighbours the text itself separates', () => {
    expect(checkRegexSafety('[a-z]{0,300}[0-9]{0,300}[A-Z]{0,300}X', 'gd')).toBeNull();
    expect(checkRegexSafety('[a-z]{0,300}x?[a-z]{0,30}', 'gd')).toBeNull();
  });
});
