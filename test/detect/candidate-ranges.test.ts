import { describe, expect, it } from 'vitest';
import { LineFinder, RangeSet } from '../../src/detect/candidate-ranges.js';
import { bufferSource, stringSource } from '../../src/detect/source.js';
import type { CompiledRule } from '../../src/detect/types.js';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const rule = (windowBytes: number, multiline: boolean): CompiledRule => ({ windowBytes, multiline }) as CompiledRule;

/** Each hit's region by definition, then the union: what the regexes must see. */
function naiveUnion(text: string, hits: [number, number][], r: CompiledRule): number[] {
  const regions: [number, number][] = hits.map(([hit, length]) => {
    const wantEnd = Math.min(text.length, hit + length + r.windowBytes);
    if (r.multiline) return [Math.max(0, hit - 64), wantEnd];
    const lo = Math.max(0, hit - r.windowBytes);
    const back = text.lastIndexOf('\n', hit - 1);
    const nl = text.indexOf('\n', hit);
    return [back >= lo ? back + 1 : lo, nl >= 0 && nl < wantEnd ? nl : wantEnd];
  });
  const out: number[] = [];
  for (const [start, end] of regions.sort((a, b) => a[0] - b[0])) {
    if (out.length > 0 && start <= out[out.length - 1]!) out[out.length - 1] = Math.max(out[out.length - 1]!, end);
    else out.push(start, end);
  }
  return out;
}

function merged(bounds: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < bounds.length; i += 2) {
    if (out.length > 0 && bounds[i]! <= out[out.length - 1]!) out[out.length - 1] = Math.max(out[out.length - 1]!, bounds[i + 1]!);
    else out.push(bounds[i]!, bounds[i + 1]!);
  }
  return out;
}

describe('candidate regions', () => {
  it('are the union of every hit\'s line window, for any newline density, window and keyword lengths', () => {
    const rules = [rule(1024, false), rule(50, false), rule(300, true)];
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const length = 1 + Math.floor(next() * 6000);
      const newlineRate = [0, 0.001, 0.02, 0.2][seed % 4]!;
      let text = '';
      for (let i = 0; i < length; i++) text += next() < newlineRate ? '\n' : 'x';
      // Every fifth text: one newline just past where a window reaches, keywords at every byte.
      const dense = seed % 5 === 0;
      if (dense) text = `${'x'.repeat(1500 + (seed % 7))}\n${'x'.repeat(200)}`;
      const hits: [number, number][] = [];
      for (let at = Math.floor(next() * 40); at < text.length; at += dense ? 1 : 1 + Math.floor(next() * [3, 40, 400][seed % 3]!)) {
        const keyword = 2 + Math.floor(next() * 10);
        if (at + keyword <= text.length && !text.slice(at, at + keyword).includes('\n')) hits.push([at, keyword]);
      }
      for (const source of [stringSource(text), bufferSource(Buffer.from(text, 'latin1'))]) {
        const lines = new LineFinder(source, 1024);
        const sets = rules.map(() => new RangeSet());
        // As the matcher does: each hit goes to every rule its keyword stands for.
        for (const [hit, keyword] of hits) sets.forEach((set, i) => set.add(source, lines, rules[i]!, hit, keyword));
        rules.forEach((r, i) => expect(merged(sets[i]!.bounds), `seed ${seed}, window ${r.windowBytes}`).toEqual(naiveUnion(text, hits, r)));
      }
    }
  });

  it('search each byte of a long line without newlines about once, however many keywords it holds', () => {
    const text = 'token='.repeat(200_000);
    let searched = 0;
    const base = bufferSource(Buffer.from(text, 'latin1'));
    const counting = {
      ...base,
      lastNewline: (lo: number, hi: number) => ((searched += hi - lo), base.lastNewline(lo, hi)),
      firstNewline: (lo: number, hi: number) => ((searched += hi - lo), base.firstNewline(lo, hi)),
    };
    const lines = new LineFinder(counting, 1024);
    const sets = [new RangeSet(), new RangeSet()];
    const rules = [rule(1024, false), rule(1024, false)];
    for (let at = 0; at < text.length; at += 6) sets.forEach((set, i) => set.add(counting, lines, rules[i]!, at, 5));
    expect(sets[0]!.bounds).toEqual([0, text.length]);
    expect(searched).toBeLessThan(3 * text.length);
  });
});
