import { describe, expect, it } from 'vitest';
import { addTextToIndex } from '../../src/fingerprint/add-text-to-index.js';
import { createCanaryMarker } from '../../src/fingerprint/canary.js';
import { InMemoryFingerprintIndex } from '../../src/fingerprint/fingerprint-index.js';
import { scoreCandidate } from '../../src/fingerprint/score-candidate.js';
import { DEFAULT_WINNOW_PARAMETERS } from '../../src/fingerprint/winnow-parameters.js';
import { OUR_CACHE, OUR_PARSER, UNRELATED } from './fixtures.js';

function indexOf(files: Record<string, string>, repo = 'app'): InMemoryFingerprintIndex {
  const index = new InMemoryFingerprintIndex(DEFAULT_WINNOW_PARAMETERS);
  for (const [path, text] of Object.entries(files)) addTextToIndex(index, { repo, path, content: Buffer.from(text) });
  return index;
}

const disguise = (text: string): string =>
  text.replaceAll('entries', 'items').replaceAll('expiresAt', 'deadline').replaceAll('  ', '\t').replaceAll('// ', '// NOTE ');

describe('scoreCandidate', () => {
  it('attributes a renamed, reformatted, re-commented copy to our file with a high score', () => {
    const index = indexOf({ 'src/cache.js': OUR_CACHE, 'src/parse.js': OUR_PARSER });
    const [top, ...rest] = scoreCandidate(index, disguise(OUR_CACHE));
    expect(top).toMatchObject({ repo: 'app', path: 'src/cache.js', kind: 'fingerprint' });
    expect(top!.score).toBeGreaterThan(0.9);
    expect(top!.coverage).toBeGreaterThan(0.9);
    expect(rest).toEqual([]);
  });

  it('reports the line ranges of an excerpt pasted into an unrelated file, on both sides', () => {
    const index = indexOf({ 'src/cache.js': OUR_CACHE });
    const ours = OUR_CACHE.split('\n');
    const excerpt = ours.slice(10, 43); // source lines 11..43
    const host = UNRELATED.split('\n');
    const candidate = [...host.slice(0, 10), ...excerpt, ...host.slice(10)].join('\n'); // candidate lines 11..43
    const [m] = scoreCandidate(index, candidate);
    expect(m).toBeDefined();
    expect(m!.containment).toBeLessThan(1);
    expect(m!.candidateLines).toHaveLength(1);
    const [cStart, cEnd] = m!.candidateLines[0]!;
    expect(cStart).toBeGreaterThanOrEqual(11);
    expect(cStart).toBeLessThanOrEqual(16);
    expect(cEnd).toBeGreaterThanOrEqual(38);
    expect(cEnd).toBeLessThanOrEqual(43);
    const [sStart, sEnd] = m!.sourceLines[0]!;
    expect(sStart - cStart).toBe(0);
    expect(sEnd - cEnd).toBe(0);
  });

  it('does not match unrelated code', () => {
    const index = indexOf({ 'src/cache.js': OUR_CACHE, 'src/parse.js': OUR_PARSER });
    expect(scoreCandidate(index, UNRELATED)).toEqual([]);
  });

  it('ignores fingerprints found in more of our files than maxFileFrequency', () => {
    const index = indexOf({ 'a/cache.js': OUR_CACHE, 'b/cache.js': OUR_CACHE, 'c/cache.js': OUR_CACHE });
    expect(scoreCandidate(index, disguise(OUR_CACHE), { maxFileFrequency: 2 })).toEqual([]);
    expect(scoreCandidate(index, disguise(OUR_CACHE), { maxFileFrequency: 3 })).toHaveLength(3);
  });

  it('does not count shared licence prose as evidence', () => {
    const licence = 'Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:';
    const index = indexOf({ 'README.md': `# Our app\n\nIt does things.\n\n## Licence\n\n${licence}\n` });
    expect(scoreCandidate(index, `# Another project\n\nUnrelated.\n\n## License\n\n${licence}\n`)).toEqual([]);
  });

  it('matches a byte-identical copy by git blob id, covering the whole file', () => {
    const index = indexOf({ 'src/cache.js': OUR_CACHE });
    const [m] = scoreCandidate(index, Buffer.from(OUR_CACHE));
    expect(m).toMatchObject({ kind: 'blob', score: 1, path: 'src/cache.js' });
    expect(m!.candidateLines).toEqual([[1, OUR_CACHE.split('\n').length - 1]]);
    const [changed] = scoreCandidate(index, Buffer.from(`${OUR_CACHE} `));
    expect(changed!.kind).toBe('fingerprint');
  });

  it('attributes a text holding a planted canary marker to the file that carries it', () => {
    const marker = createCanaryMarker('app', 'x'.repeat(32));
    const index = indexOf({ 'src/canary.js': `// ${marker}\nexport const build = 1;\n` });
    const [m] = scoreCandidate(index, `some paste\nconst tag = "${marker}";\n`);
    expect(m).toMatchObject({ kind: 'canary', repo: 'app', path: 'src/canary.js', candidateLines: [[2, 2]] });
  });

  it('reports nothing below the threshold', () => {
    const index = indexOf({ 'src/cache.js': OUR_CACHE });
    const excerpt = OUR_CACHE.split('\n').slice(10, 25).join('\n');
    const candidate = `${UNRELATED}\n${excerpt}\n${UNRELATED}`;
    const [m] = scoreCandidate(index, candidate, { threshold: 0 });
    expect(m).toBeDefined();
    expect(scoreCandidate(index, candidate, { threshold: Math.min(1, m!.score + 0.01) })).toEqual([]);
  });
});

describe('scoreCandidate with a failing store', () => {
  it('propagates a store failure and does not poison the next candidates', () => {
    const index = indexOf({ 'src/cache.js': OUR_CACHE });
    let calls = 0;
    const flaky = new Proxy(index, {
      get(target, prop, receiver) {
        if (prop === 'filesWithHash') {
          return (h: number) => {
            if (++calls === 12) throw new Error('store went away');
            return target.filesWithHash(h);
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    expect(() => scoreCandidate(flaky, disguise(OUR_CACHE))).toThrow('store went away');
    expect(scoreCandidate(index, UNRELATED)).toEqual([]);
    expect(scoreCandidate(index, disguise(OUR_CACHE))[0]!.score).toBeGreaterThan(0.9);
  });
});
