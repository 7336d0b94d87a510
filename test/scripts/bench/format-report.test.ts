// Proves the benchmark's verdicts follow the targets of issues 2 and 14 exactly at their limits.
import { describe, expect, it } from 'vitest';

interface Target { id: string; pass: boolean | null }
interface ReportModule {
  evaluateCorpusTargets(figures: object): Target[];
  evaluateSharedTargets(figures: object): Target[];
  formatTable(figures: object): string;
}

const load = async (): Promise<ReportModule> =>
  (await import(new URL('../../../scripts/bench/format-report.mjs', import.meta.url).href)) as ReportModule;

const corpus = (floorA: number, floorAUnordered: number, floorB: number, rerun: number, rss: number | null) => ({
  ratios: { floorA, floorAUnordered, floorB }, rerun: { seconds: rerun }, scan: { peakRssMb: rss },
});

const shared = (startup: number | null, mbPerSecond: number, hostile?: number) => ({
  startup: { seconds: startup }, directory: { mbPerSecond, peakRssMb: 120 }, ...(hostile === undefined ? {} : { hostileRegex: { seconds: hostile } }),
});

const byId = (verdicts: Target[]) => Object.fromEntries(verdicts.map((t) => [t.id, t.pass]));

describe('evaluateCorpusTargets', () => {
  it('passes exactly 2.0 to both floor A reads but fails exactly 0.6 to floor B', async () => {
    expect(byId((await load()).evaluateCorpusTargets(corpus(2.0, 2.0, 0.6, 0.15, 100)))).toEqual({
      'ratio-floor-a': true, 'ratio-floor-a-unordered': true, 'ratio-floor-b': false, rerun: true, 'peak-rss': true,
    });
  });

  it('fails a ratio over 2.0 to the unordered read, a rerun over 0.15 s and 300 MB; no RSS figure, no verdict', async () => {
    const verdicts = byId((await load()).evaluateCorpusTargets(corpus(1.5, 2.01, 0.59, 0.16, null)));
    expect(verdicts).toMatchObject({ 'ratio-floor-a-unordered': false, 'ratio-floor-b': true, rerun: false, 'peak-rss': null });
    expect(byId((await load()).evaluateCorpusTargets(corpus(1.5, 1.5, 0.5, 0.1, 300)))['peak-rss']).toBe(false);
  });
});

describe('evaluateSharedTargets', () => {
  it('passes a start-up of exactly 0.15 s and exactly 150 MB/s, fails just past them', async () => {
    expect(byId((await load()).evaluateSharedTargets(shared(0.15, 150)))).toMatchObject({ startup: true, directory: true, 'hostile-regex': null });
    expect(byId((await load()).evaluateSharedTargets(shared(0.151, 149.9)))).toMatchObject({ startup: false, directory: false });
    expect(byId((await load()).evaluateSharedTargets(shared(null, 150)))).toMatchObject({ startup: null });
  });

  it('fails a hostile-regex scan of 5 s and passes one under it', async () => {
    const at = async (seconds: number) => byId((await load()).evaluateSharedTargets(shared(0.1, 200, seconds)))['hostile-regex'];
    expect(await at(5)).toBe(false);
    expect(await at(0.6)).toBe(true);
  });
});

describe('formatTable', () => {
  it('prints the directory figure with start-up, its scan phase without, and its CPU time, the verdict on the first', async () => {
    const report = await load();
    const directory = {
      files: 7161, bytes: 14e6, seconds: 0.7, mbPerSecond: 20, scanPhaseSeconds: 0.35, scanPhaseMbPerSecond: 40,
      cpuSeconds: 1.0, cpuMbPerSecond: 14, peakRssMb: 110,
    };
    const figures = {
      command: 'node dist/cli/main.js', runs: 3, machine: { cpus: 2, loadAverageAtStart: 0.1, loadAverageAtEnd: 0.2, node: 'v20' },
      corpora: [], startup: { seconds: 0.1, nodeSeconds: 0.04 }, directory, hostileRegex: null,
    };
    const table = report.formatTable({ ...figures, targets: report.evaluateSharedTargets(figures) });
    expect(table).toMatch(/plain directory: 7161 files, 14\.0 MB \(wall clock, start-up included\)\s+0\.70 s\s+20\.0 MB\/s/);
    expect(table).toMatch(/scan phase, start-up excluded.*0\.35 s\s+40\.0 MB\/s/);
    expect(table).toMatch(/CPU time, user \+ system, all threads\s+1\.00 s\s+14\.0 MB\/s/);
    expect(table).toMatch(/plain-directory scan\s+20\.0 MB\/s\s+>= 150 MB\/s\s+FAIL/);
  });
});
