import { describe, expect, it } from 'vitest';
import { displayUrl } from '../../../src/watch/url/display-url.js';
import { isUrlCandidate, parseCandidateUrl } from '../../../src/watch/url/parse-candidate-url.js';
import { refSplits } from '../../../src/watch/url/ref-splits.js';
import { githubToken } from '../../helpers/tokens.js';

describe('parseCandidateUrl', () => {
  it.each([
    ['https://github.com/o/r', { kind: 'github-repo', fullName: 'o/r' }],
    ['https://github.com/o/r.git', { kind: 'github-repo', fullName: 'o/r' }],
    ['https://github.com/o/r/blob/main/src/a%20b.js', { kind: 'github-file', fullName: 'o/r', segments: ['main', 'src', 'a b.js'] }],
    ['https://github.com/o/r/raw/v1/a.js', { kind: 'github-file', fullName: 'o/r', segments: ['v1', 'a.js'] }],
    ['https://raw.githubusercontent.com/o/r/main/a.js', { kind: 'github-file', fullName: 'o/r', segments: ['main', 'a.js'] }],
    ['https://github.com/o/r/tree/main', { kind: 'github-tree', fullName: 'o/r', segments: ['main'] }],
    ['https://gist.github.com/someone/0a1b2c', { kind: 'gist', id: '0a1b2c' }],
    ['https://gist.github.com/0a1b2c', { kind: 'gist', id: '0a1b2c' }],
    ['https://gist.github.com/deadbeef/0a1b2c/ffff', { kind: 'gist', id: '0a1b2c' }],
    ['https://pastebin.example/raw/x', { kind: 'http', url: 'https://pastebin.example/raw/x' }],
  ])('reads %s', (url, expected) => {
    expect(parseCandidateUrl(url)).toMatchObject(expected);
  });

  it('recognises the configured web host of a GitHub Enterprise server', () => {
    expect(parseCandidateUrl('https://git.corp.example/o/r/tree/main/lib', 'https://git.corp.example')).toMatchObject({ kind: 'github-tree', segments: ['main', 'lib'] });
    expect(parseCandidateUrl('https://git.corp.example/o/r').kind).toBe('http');
  });

  it.each([
    'ssh://git@github.com/o/r',
    'https://github.com/o',
    'https://github.com/o/r/pulls',
    'https://github.com/o/r/blob/main',
    'https://gist.github.com/someone/not-hex',
    'https://raw.githubusercontent.com/o/r/main',
  ])('refuses %s with a usage error', (url) => {
    expect(() => parseCandidateUrl(url)).toThrow(expect.objectContaining({ code: 'usage' }));
  });

  it('tells URLs from paths', () => {
    expect(isUrlCandidate('https://x/y')).toBe(true);
    expect(isUrlCandidate('./https/x')).toBe(false);
    expect(isUrlCandidate('C:\\src\\a.js')).toBe(false);
  });
});

describe('displayUrl', () => {
  it('drops user info and redacts credential-like query values', () => {
    const token = githubToken();
    const shown = displayUrl(`https://me:${token}@host.example/a.js?token=${token}&ref=main`);
    expect(shown).toBe('https://host.example/a.js?token=REDACTED&ref=main');
  });
});

describe('refSplits', () => {
  it('tries the shortest ref first and bounds the guesses', () => {
    expect(refSplits(['feature', 'x', 'lib', 'a.js'], false)).toEqual([
      { ref: 'feature', path: 'x/lib/a.js' },
      { ref: 'feature/x', path: 'lib/a.js' },
      { ref: 'feature/x/lib', path: 'a.js' },
    ]);
    expect(refSplits(['main'], true)).toEqual([{ ref: 'main', path: '' }]);
    expect(refSplits(['a', 'b', 'c', 'd', 'e', 'f'], true)).toHaveLength(4);
  });
});
