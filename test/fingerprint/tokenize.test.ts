import { describe, expect, it } from 'vitest';
import { ID_TOKEN, NUM_TOKEN, STR_TOKEN, tokenize } from '../../src/fingerprint/tokenize.js';
import { OUR_CACHE } from './fixtures.js';

const ids = (text: string): number[] => [...tokenize(text).ids];

describe('tokenize', () => {
  it('gives the same stream after consistent renaming of identifiers', () => {
    const renamed = OUR_CACHE.replaceAll('entries', 'store').replaceAll('capacity', 'maxSize').replaceAll('ExpiringLruCache', 'Cache2');
    expect(renamed).not.toBe(OUR_CACHE);
    expect(ids(renamed)).toEqual(ids(OUR_CACHE));
  });

  it('gives the same stream after reindenting, joining and splitting lines, and changing semicolons', () => {
    const reformatted = OUR_CACHE
      .split('\n')
      .map((line) => line.replace(/^ +/, (s) => '\t'.repeat(s.length / 2)))
      .join('\n')
      .replace('this.capacity = capacity;\n', 'this.capacity=capacity\n')
      .replace('this.ttlMs = ttlMs;\n    this.now = now;', 'this.ttlMs = ttlMs; this.now = now;')
      .replace('if (entry === undefined) return undefined;', 'if (entry === undefined)\n        return undefined');
    expect(ids(reformatted)).toEqual(ids(OUR_CACHE));
  });

  it('gives the same stream when comments of every common style are added or removed', () => {
    const base = 'let a = 1;\nlet b = a + 2;\n';
    const commented = '// line\n# hash comment\n/* block\n over lines */\n<!-- html -->\nlet a = 1; // trailing\nlet /* inline */ b = a + 2;\n';
    expect(ids(commented)).toEqual(ids(base));
  });

  it('folds literals into classes, so changed constants and quotes do not matter', () => {
    expect(ids('f("abc", 12, 0x1F, 1e-5)')).toEqual(ids("f('xyz', 7, 3, 2.5)"));
    expect(ids('x = `multi\nline ${y}`')).toEqual([ID_TOKEN, ids('=')[0], STR_TOKEN]);
    expect(ids('42')).toEqual([NUM_TOKEN]);
  });

  it('keeps keywords verbatim, so a changed keyword changes the stream', () => {
    expect(ids('if (a) b()')).not.toEqual(ids('while (a) b()'));
    expect(ids('if (a) b()')[0]).not.toBe(ID_TOKEN);
    expect(ids('foo (a) b()')[0]).toBe(ID_TOKEN);
  });

  it('ignores a trailing comma before a closing bracket', () => {
    expect(ids('f(a, b,)')).toEqual(ids('f(a, b)'));
    expect(ids('[1, 2,\n]')).toEqual(ids('[1, 2]'));
  });

  it('treats # as a comment only where unambiguous', () => {
    expect(ids('# comment\nx')).toEqual([ID_TOKEN]);
    expect(ids('#include x').length).toBeGreaterThan(1);
    expect(ids('a.#priv')).toHaveLength(4);
  });

  it('records the 1-based line each token starts on, across multi-line strings and comments', () => {
    const stream = tokenize('a\n/* x\ny */ b\n`t\nu` c\n\nd');
    expect([...stream.lines]).toEqual([1, 3, 4, 5, 7]);
    expect(stream.lineCount).toBe(7);
  });

  it('does not let an apostrophe in prose or an unclosed template swallow the rest of the file', () => {
    expect(tokenize("don't stop\nnext line here").lines.at(-1)).toBe(2);
    expect(ids('a ` b c')).toHaveLength(4);
  });

  it('drops markdown code fences but keeps the code inside them', () => {
    expect(ids('```js\nlet x = 1\n```')).toEqual(ids('js\nlet x = 1'));
  });
});
