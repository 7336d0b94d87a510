/** The tests of a list of same-shape pairs, as the unlabelled sweeps write them. */
import { describe, expect, it } from 'vitest';
import { covers, runCase } from './shape-cases.js';
import type { ShapeCase } from './shape-cases.js';

/**
 * Registers, under `title`, two tests for each [not a secret, a secret in the same shape] pair:
 * the first line is not reported at all, the second is reported with its value covered (with
 * `aboveLow`, at medium or high: a fix that must not lower the secret beside it).
 */
export function describeShapePairs(title: string, pairs: Array<[ShapeCase, ShapeCase]>, { aboveLow = false } = {}): void {
  describe(title, () => {
    for (const [negative, positive] of pairs) {
      it(`does not report: ${negative.name} (${negative.path})`, () => {
        expect(runCase(negative).map((m) => m.ruleId)).toEqual([]);
      });
      if (aboveLow) {
        it(`reports at medium or high: ${positive.name} (${positive.path})`, () => {
          const found = runCase(positive).filter((m) => covers(m, positive.value!));
          expect(found.map((m) => m.confidence)).toContainEqual(expect.stringMatching(/^(?:medium|high)$/));
        });
        continue;
      }
      it(`reports: ${positive.name} (${positive.path})`, () => {
        const found = runCase(positive);
        expect(found.some((m) => covers(m, positive.value!)), found.map((m) => m.ruleId).join(',')).toBe(true);
      });
    }
  });
}

/**
 * Registers, in the current describe, two tests for each [a shape lowered, a secret in the same
 * shape] pair: the first line is reported at low only (reported, never dropped), the second at
 * medium or high.
 */
export function itLowersEachPair(pairs: Array<[ShapeCase, ShapeCase]>): void {
  for (const [negative, positive] of pairs) {
    it(`reports at low only: ${negative.name} (${negative.path})`, () => {
      const found = runCase(negative);
      expect(found.length).toBeGreaterThan(0);
      expect(found.map((m) => m.confidence)).toEqual(found.map(() => 'low'));
    });
    it(`reports at medium or high: ${positive.name} (${positive.path})`, () => {
      const found = runCase(positive).filter((m) => covers(m, positive.value!));
      expect(found.map((m) => m.confidence)).toContainEqual(expect.stringMatching(/^(?:medium|high)$/));
    });
  }
}
