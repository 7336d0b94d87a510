// Proves the benchmark's peak RSS counts a scan's git children, not only its largest process.
import { describe, expect, it } from 'vitest';

interface Timed {
  code: number;
  rssKb: number;
  processRssKb: number;
  treeRssKb: number;
}

interface MeasureModule {
  timeProcess(command: string, args: string[], options: { rss: boolean }): Promise<Timed>;
}

const load = async (): Promise<MeasureModule> =>
  (await import(new URL('../../../scripts/bench/measure.mjs', import.meta.url).href)) as MeasureModule;

/** A shell whose two node children each hold `mb` MB resident at the same time for a while. */
function twoHolders(mb: number): string[] {
  const hold = `node -e "const b = Buffer.alloc(${mb} * 1e6, 1); setTimeout(() => b.length, 1500)"`;
  return ['-c', `${hold} & ${hold}; wait`];
}

describe.runIf(process.platform === 'linux')('peak RSS of a process tree', () => {
  it('adds up the children, where /usr/bin/time sees only the largest process', async () => {
    const r = await (await load()).timeProcess('sh', twoHolders(80), { rss: true });
    expect(r.code).toBe(0);
    expect(r.processRssKb).toBeGreaterThan(80_000);
    expect(r.processRssKb).toBeLessThan(160_000);
    expect(r.treeRssKb).toBeGreaterThan(160_000);
    expect(r.rssKb).toBe(Math.max(r.processRssKb, r.treeRssKb));
  });
});
