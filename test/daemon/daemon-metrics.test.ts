import { describe, expect, it } from 'vitest';
import { createDaemonMetrics } from '../../src/daemon/daemon-metrics.js';

describe('daemon metrics', () => {
  it('names every metric leakwatch_ once, with the process metrics as leakwatch_process_* and no doubled word', async () => {
    const text = await createDaemonMetrics().registry.metrics();
    const names = [...new Set([...text.matchAll(/^# TYPE (\S+)/gm)].map((m) => m[1]!))];
    expect(names).toContain('leakwatch_process_cpu_seconds_total');
    expect(names).toContain('leakwatch_process_resident_memory_bytes');
    expect(names).toContain('leakwatch_nodejs_eventloop_lag_seconds');
    expect(names).toContain('leakwatch_scans_total');
    for (const name of names) {
      expect(name).toMatch(/^leakwatch_[a-z0-9_]+$/);
      const words = name.split('_');
      expect(words.filter((word, i) => word === words[i + 1]), name).toEqual([]);
    }
  });
});
