import { describe, expect, it } from 'vitest';
import { createPathMatcher, globProblem, matchesSegment, wildcardToRegExp } from '../../src/util/glob-matcher.js';

describe('the one glob matcher', () => {
  it('matches paths with .gitignore semantics, tolerating a leading ./ or /', () => {
    const m = createPathMatcher(['**/fixtures', 'docs/**/test']);
    expect(m('./src/fixtures/a')).toBe(true);
    expect(m('/src/fixtures/a')).toBe(true);
    expect(m('src/myfixtures/a')).toBe(false);
    expect(m('docs/latest')).toBe(false);
    expect(m('')).toBe(false);
  });

  it('matches one segment as the shell does, [..] classes included', () => {
    expect(matchesSegment('*.git', 'api.git')).toBe(true);
    expect(matchesSegment('*.git', 'api.git.bak')).toBe(false);
    expect(matchesSegment('svc-[ab]?', 'svc-a1')).toBe(true);
    expect(matchesSegment('svc-[ab]?', 'svc-c1')).toBe(false);
    expect(matchesSegment('#team', '#team')).toBe(true);
    expect(matchesSegment('*', 'a/b')).toBe(false);
  });

  it('lets * span any run in identifiers such as ARNs', () => {
    expect(wildcardToRegExp('arn:aws:iam::1:role/ci-*').test('arn:aws:iam::1:role/ci-deploy')).toBe(true);
    expect(wildcardToRegExp('arn:aws:iam::1:role/ci-*').test('arn:aws:iam::1:role/admin')).toBe(false);
  });

  it('names a broken character class instead of matching nothing', () => {
    expect(globProblem('a[bc')).toMatch(/unclosed/);
    expect(globProblem('a[c-a]')).toMatch(/empty range/);
    expect(globProblem('a\\[bc')).toBeNull();
    expect(globProblem('a[]x]')).toBeNull();
  });
});
