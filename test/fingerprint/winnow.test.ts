import { describe, expect, it } from 'vitest';
import { fingerprintText } from '../../src/fingerprint/fingerprint-text.js';
import { kgramHashes } from '../../src/fingerprint/kgram-hashes.js';
import { winnow } from '../../src/fingerprint/winnow.js';
import { guaranteeThreshold } from '../../src/fingerprint/winnow-parameters.js';
import { OUR_CACHE } from './fixtures.js';

function randomIds(seed: number, length: number): number[] {
  let s = seed;
  return Array.from({ length }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % 40;
  });
}

describe('k-gram hashing', () => {
  it('rolls the hash so every k-gram equals a hash computed from scratch', () => {
    const ids = randomIds(7, 200);
    const rolled = kgramHashes(ids, 9);
    for (let i = 0; i < rolled.length; i++) expect(rolled[i]).toBe(kgramHashes(ids.slice(i, i + 9), 9)[0]);
  });
});

describe('winnowing', () => {
  it('always finds a shared run of w+k-1 tokens, whatever surrounds it', () => {
    // Raw winnowing over k-gram hashes: the guarantee itself, before uninformative k-grams are masked.
    for (const params of [{ k: 5, w: 4 }, { k: 15, w: 16 }, { k: 12, w: 8 }]) {
      const t = guaranteeThreshold(params);
      for (let seed = 1; seed <= 200; seed++) {
        const shared = randomIds(seed, t);
        const a = [...randomIds(seed + 1000, 1 + (seed % 37)), ...shared, ...randomIds(seed + 2000, 50)];
        const b = [...randomIds(seed + 3000, 1 + (seed % 53)), ...shared, ...randomIds(seed + 4000, 50)];
        const fa = new Set(winnow(kgramHashes(a, params.k), params.w).hashes);
        const sharedHashes = new Set(kgramHashes(shared, params.k));
        const common = [...winnow(kgramHashes(b, params.k), params.w).hashes].filter((h) => fa.has(h) && sharedHashes.has(h));
        expect(common.length, `k=${params.k} w=${params.w} seed=${seed}`).toBeGreaterThan(0);
      }
    }
  });

  it('keeps about 2/(w+1) of the k-grams', () => {
    const hashes = kgramHashes(randomIds(3, 20_000), 15);
    const density = winnow(hashes, 16).hashes.length / hashes.length;
    expect(density).toBeGreaterThan(0.08);
    expect(density).toBeLessThan(0.16);
  });

  it('gives a text shorter than one window its single minimum', () => {
    const hashes = Uint32Array.from([9, 4, 7]);
    expect([...winnow(hashes, 10).hashes]).toEqual([4]);
  });

  it('finds a shared run of real code tokens through the full pipeline', () => {
    const lines = OUR_CACHE.split('\n');
    const excerpt = lines.slice(10, 22).join('\n');
    const a = new Set(fingerprintText(`function other(x) { return x * 2 }\n${excerpt}\nlet z = 3`).hashes);
    const b = fingerprintText(`import y from "y"\nwhile (y) y.go()\n${excerpt}`).hashes;
    expect([...b].some((h) => a.has(h))).toBe(true);
  });

  it('maps each fingerprint back to the lines its k tokens span', () => {
    const fp = fingerprintText(OUR_CACHE, { k: 15, w: 16 });
    expect(fp.hashes.length).toBeGreaterThan(5);
    for (let i = 0; i < fp.hashes.length; i++) {
      expect(fp.startLines[i]).toBeGreaterThanOrEqual(2);
      expect(fp.endLines[i]).toBeGreaterThanOrEqual(fp.startLines[i]!);
      expect(fp.endLines[i]).toBeLessThanOrEqual(fp.lineCount);
    }
  });

  it('never picks repetitive or data-only k-grams as fingerprints', () => {
    const table = Array.from({ length: 80 }, (_, i) => `  item${i}: { enumerable: true },`).join('\n');
    expect(fingerprintText(`const t = {\n${table}\n}`).hashes.length).toBeLessThanOrEqual(4);
    const json = JSON.stringify(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, [i, `v${i}`, { n: i }]])));
    expect(fingerprintText(json).hashes.length).toBe(0);
  });
});

describe('data-only k-grams', () => {
  it('treats true, false and null as data, so a JSON settings file yields no fingerprints', () => {
    const settings = JSON.stringify({ name: 'x', private: true, flags: { a: false, b: null, c: true, d: 'on' }, list: ['p', 'q', false] }, null, 2);
    expect(fingerprintText(settings.repeat(3)).hashes.length).toBe(0);
  });
});
