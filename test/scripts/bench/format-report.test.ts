// Proves the benchmark's verdicts follow the targets of issue 2 exactly at their limits.
import { describe, expect, it } from 'vitest';

interface Target { id: string; pass: boolean | null }
interface ReportModule { evaluateTargets(figures: object): Target[] }

const load = async (): Promise<ReportModule> =>
  (await import(new URL('../../../scripts/bench/format-report.mjs', import.meta.url).href)) as ReportModule;

const figures = (floorA: number, floorB: number, rerun: number, rss: number | null) => ({
  ratios: { floorA, floorB }, rerun: { seconds: rerun }, scan: { peakRssMb: rss },
});

describe('evaluateTargets', () => {
  it('passes a ratio of exactly 2.0 to floor A but fails exactly 1.0 to floor B', async () => {
    const verdicts = (await load()).evaluateTargets(figures(2.0, 1.0, 0.1, 100));
    expect(Object.fromEntries(verdicts.map((t) => [t.id, t.pass]))).toEqual({
      'ratio-floor-a': true, 'ratio-floor-b': false, rerun: true, 'hostile-regex': null, 'peak-rss': true,
    });
  });

  it('fails a hostile-regex scan of 5 s and passes one under it', async () => {
    const at = async (seconds: number) =>
      (await load()).evaluateTargets({ ...figures(1.5, 0.5, 0.2, 100), hostileRegex: { seconds } }).find((t) => t.id === 'hostile-regex')?.pass;
    expect(await at(5)).toBe(false);
    expect(await at(0.6)).toBe(true);
  });

  it('fails a rerun of 0.3 s and 300 MB, and gives no verdict without an RSS figure', async () => {
    const verdicts = (await load()).evaluateTargets(figures(1.5, 0.5, 0.3, null));
    expect(verdicts.find((t) => t.id === 'rerun')?.pass).toBe(false);
    expect(verdicts.find((t) => t.id === 'peak-rss')?.pass).toBeNull();
    const atLimit = (await load()).evaluateTargets(figures(1.5, 0.5, 0.2, 300));
    expect(atLimit.find((t) => t.id === 'peak-rss')?.pass).toBe(false);
  });
});
