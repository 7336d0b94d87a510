import { describe, expect, it } from 'vitest';
import { PathInterner } from '../../src/scan/path-interner.js';

describe('PathInterner', () => {
  it('gives the same id to the same bytes wherever they lie, and decodes them as UTF-8', () => {
    const paths = new PathInterner();
    const a = Buffer.from('\0src/a.js\0lib/é.ts\0src/a.js\0');
    const first = paths.intern(a, 1, 9);
    const accented = paths.intern(a, 10, 10 + Buffer.byteLength('lib/é.ts'));
    const again = paths.intern(a, 11 + Buffer.byteLength('lib/é.ts'), a.length - 1);
    expect(again).toBe(first);
    expect(accented).not.toBe(first);
    expect(paths.intern(Buffer.from('src/a.js'), 0, 8)).toBe(first);
    expect(paths.path(first)).toBe('src/a.js');
    expect(paths.path(accented)).toBe('lib/é.ts');
    expect(paths.count).toBe(2);
  });

  it('tells apart paths that share a prefix, a length or are empty, past many growths of its table', () => {
    const paths = new PathInterner();
    const names = [''];
    for (let i = 0; i < 3000; i++) names.push(`dir${i % 97}/file-${i}.js`, `dir${i % 97}/file-${i}.j`);
    const ids = names.map((n) => paths.intern(Buffer.from(n), 0, Buffer.byteLength(n)));
    expect(new Set(ids).size).toBe(names.length);
    names.forEach((n, i) => {
      expect(paths.intern(Buffer.from(`x${n}y`), 1, 1 + Buffer.byteLength(n))).toBe(ids[i]);
      expect(paths.path(ids[i]!)).toBe(n);
    });
  });

  it('decodes invalid UTF-8 as Buffer#toString does', () => {
    const paths = new PathInterner();
    const bytes = Buffer.from([0x61, 0xff, 0x62]);
    expect(paths.path(paths.intern(bytes, 0, 3))).toBe(bytes.toString('utf8'));
  });
});
