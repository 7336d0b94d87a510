import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BlobPrefixSet } from '../../src/git/blob-prefix-set.js';

const oid = (n: number): string => createHash('sha1').update(String(n)).digest('hex');

describe('BlobPrefixSet', () => {
  it('knows every id it was given, from a string or from the bytes of a history line', () => {
    const set = new BlobPrefixSet();
    for (let i = 0; i < 10_000; i++) set.add(oid(i));
    const line = Buffer.from(`:100644 100644 ${oid(1)} ${oid(7)} M\tpath`, 'latin1');
    expect(set.size).toBe(10_000);
    expect(set.has(oid(42))).toBe(true);
    expect(set.hasAt(line, 15 + 41)).toBe(true);
    expect(set.has(oid(10_001))).toBe(false);
  });

  it('tells apart a missing blob that shares the first 32 bits of a present one', () => {
    const set = new BlobPrefixSet();
    const present = oid(1);
    set.add(present);
    const twin = present.slice(0, 8) + (present[8] === '0' ? '1' : '0') + present.slice(9);
    expect(set.has(present)).toBe(true);
    expect(set.has(twin)).toBe(false);
    expect(set.hasAt(Buffer.from(twin, 'latin1'), 0)).toBe(false);
  });
});
