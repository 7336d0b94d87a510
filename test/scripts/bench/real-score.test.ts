// Proves the real-code benchmark's package split is stable and the scoring counts a finding
// on a labelled line exactly once, in the right cell, at the right confidence.
import { describe, expect, it } from 'vitest';

interface Label { pkg: string; path: string; line: number; category: string; label: number }
interface Counts { tp: number; fn: number; fp: number; tn: number; wrongKind: number; precision: number | null; recall: number | null; f1: number | null }
interface Finding { ruleId: string; kind: string; confidence?: string; path: string; line: number; locations?: { path: string; line: number }[] }
interface ScoreModule {
  parseLabels(text: string, source?: string): Label[];
  mergeLabels(lists: Label[][]): Label[];
  findingsByLine(report: { findings: Finding[] }, dirs: Map<string, string>, opts?: { minConfidence?: string }): Map<string, unknown[]>;
  scoreLabels(labels: Label[], findings: Map<string, unknown[]>, opts?: { split?: string }): { overall: Counts; categories: Record<string, Counts>; unlabelled: { pkg: string; path: string; line: number; ruleIds: string[] }[]; errors: { type: string; pkg: string; path: string; line: number; category: string }[] };
}
interface SplitModule { splitOf(name: string): string; packageName(id: string): string; inSplit(id: string, split: string): boolean }

const score = async (): Promise<ScoreModule> => (await import(new URL('../../../scripts/bench/real-score.mjs', import.meta.url).href)) as ScoreModule;
const split = async (): Promise<SplitModule> => (await import(new URL('../../../scripts/bench/real-split.mjs', import.meta.url).href)) as SplitModule;

const row = (...cells: (string | number)[]) => cells.join('\t');

describe('real-code benchmark split', () => {
  it('holds out by package name, about a quarter, the same for every version', async () => {
    const m = await split();
    const names = Array.from({ length: 400 }, (_, i) => `pkg-${i}`);
    const held = names.filter((n) => m.splitOf(n) === 'heldout').length;
    expect(held).toBeGreaterThan(60);
    expect(held).toBeLessThan(140);
    const n = names.find((x) => m.splitOf(x) === 'heldout')!;
    expect(m.inSplit(`${n}@1.0.0`, 'heldout')).toBe(true);
    expect(m.inSplit(`${n}@2.3.4`, 'dev')).toBe(false);
    expect(m.inSplit(`${n}@2.3.4`, 'all')).toBe(true);
    expect(m.packageName('@scope/name@1.2.3')).toBe('@scope/name');
  });
});

describe('real-code benchmark labels', () => {
  it('reads rows, skips the header and comments, and rejects malformed ones', async () => {
    const m = await score();
    const text = [row('package@version', 'path', 'line', 'category', 'label'), '# note', row('a@1.0.0', 'test/x.js', 3, 'password', 1), ''].join('\n');
    expect(m.parseLabels(text)).toEqual([{ pkg: 'a@1.0.0', path: 'test/x.js', line: 3, category: 'password', label: 1 }]);
    expect(() => m.parseLabels(row('a@1.0.0', 'x', 3, 'pasword', 1), 'f')).toThrow(/f:1: unknown category/);
    expect(() => m.parseLabels(row('a@1.0.0', 'x', 0, 'password', 1))).toThrow(/positive integer/);
    expect(() => m.parseLabels(row('a@1.0.0', 'x', 2, 'password', ''))).toThrow(/not 0 or 1/);
    expect(() => m.parseLabels(row('a@1.0.0', 'x', 2, 'none', 1))).toThrow(/other than none/);
    expect(() => m.parseLabels(row('a', 'x', 2, 'password', 1))).toThrow(/package@version/);
  });

  it('refuses a line labelled twice with different labels', async () => {
    const m = await score();
    const a = { pkg: 'a@1', path: 'x', line: 1, category: 'password', label: 1 };
    expect(m.mergeLabels([[a], [{ ...a }]])).toHaveLength(1);
    expect(() => m.mergeLabels([[a], [{ ...a, label: 0 }]])).toThrow(/labelled twice/);
  });
});

describe('real-code benchmark scoring', () => {
  const dirs = new Map([['a@1.0.0', 'a@1.0.0'], ['@s__b@2.0.0', '@s/b@2.0.0']]);
  const labels: Label[] = [
    { pkg: 'a@1.0.0', path: 'test/db.js', line: 4, category: 'password', label: 1 },
    { pkg: 'a@1.0.0', path: 'test/db.js', line: 9, category: 'password', label: 1 },
    { pkg: 'a@1.0.0', path: 'lib/x.js', line: 2, category: 'password', label: 0 },
    { pkg: 'a@1.0.0', path: 'lib/x.js', line: 5, category: 'token', label: 0 },
    { pkg: '@s/b@2.0.0', path: 'users.txt', line: 1, category: 'password-hash', label: 1 },
    { pkg: '@s/b@2.0.0', path: 'users.txt', line: 2, category: 'password-hash', label: 1 },
  ];
  const findings: Finding[] = [
    { ruleId: 'generic-password', kind: 'credential', confidence: 'medium', path: 'a@1.0.0/test/db.js', line: 4, locations: [{ path: 'a@1.0.0/test/db.js', line: 4 }, { path: 'a@1.0.0/lib/x.js', line: 2 }] },
    { ruleId: 'generic-password', kind: 'credential', confidence: 'low', path: 'a@1.0.0/test/db.js', line: 9 },
    { ruleId: 'bcrypt-hash', kind: 'password-hash', path: '@s__b@2.0.0/users.txt', line: 1 },
    { ruleId: 'generic-secret', kind: 'credential', path: '@s__b@2.0.0/users.txt', line: 2 },
    { ruleId: 'generic-secret', kind: 'credential', path: 'a@1.0.0/README.md', line: 7 },
    { ruleId: 'aws-arn', kind: 'sensitive-data', path: 'a@1.0.0/lib/x.js', line: 5 },
  ];

  it('counts TP, FN and FP per category, other locations included, hashes only as hashes', async () => {
    const m = await score();
    const r = m.scoreLabels(labels, m.findingsByLine({ findings }, dirs, { minConfidence: 'low' }));
    expect(r.categories.password).toMatchObject({ tp: 2, fn: 0, fp: 1, tn: 0 });
    expect(r.categories.token).toMatchObject({ tp: 0, fn: 0, fp: 0, tn: 1 });
    expect(r.categories['password-hash']).toMatchObject({ tp: 1, fn: 1, fp: 0, wrongKind: 1 });
    expect(r.overall).toMatchObject({ tp: 3, fn: 1, fp: 1, tn: 1 });
    expect(r.overall.precision).toBeCloseTo(3 / 4);
    expect(r.overall.recall).toBeCloseTo(3 / 4);
    expect(r.overall.f1).toBeCloseTo(3 / 4);
    expect(r.unlabelled).toEqual([{ pkg: 'a@1.0.0', path: 'README.md', line: 7, ruleIds: ['generic-secret'] }]);
    // The errors list (--errors) names each false positive and miss by place, never by value.
    expect(r.errors.map((e) => [e.type, e.path, e.line, e.category])).toEqual([
      ['FP', 'lib/x.js', 2, 'password'],
      ['FN', 'users.txt', 2, 'password-hash'],
    ]);
  });

  it('drops findings under the minimum confidence but keeps those without a level', async () => {
    const m = await score();
    const r = m.scoreLabels(labels, m.findingsByLine({ findings }, dirs, { minConfidence: 'medium' }));
    expect(r.categories.password).toMatchObject({ tp: 1, fn: 1, fp: 1 });
    expect(r.categories['password-hash']).toMatchObject({ tp: 1 });
    const high = m.scoreLabels(labels, m.findingsByLine({ findings }, dirs, { minConfidence: 'high' }));
    expect(high.categories.password).toMatchObject({ tp: 0, fn: 2, fp: 0 });
  });

  it('reports no ratio when nothing was found or labelled', async () => {
    const m = await score();
    const r = m.scoreLabels([labels[3]!], new Map());
    expect(r.overall).toMatchObject({ tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null });
  });
});
