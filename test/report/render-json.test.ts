import { describe, expect, it } from 'vitest';
import { emptyStats } from '../../src/domain/finding.js';
import type { Finding, ScanReport } from '../../src/domain/finding.js';
import { renderJson, renderJsonAround, renderJsonFindings } from '../../src/report/render-json.js';

function finding(id: string, path: string, title: string): Finding {
  return {
    id, ruleId: `rule-${id}`, title, severity: 'high', kind: 'credential', confidence: 'medium', secretSha256: 'a'.repeat(64),
    redacted: 'ab…cd', commit: 'c'.repeat(40), author: 'Ann "the" Author', email: 'ann@example.com', date: '2026-01-01T00:00:00Z', path,
    line: 3, endLine: 4, column: 7, blob: 'b'.repeat(40), verified: null,
    locations: [{ commit: 'd'.repeat(40), path, line: 1, endLine: 1, blob: null }],
  };
}

const report = (findings: Finding[]): ScanReport => {
  const stats = emptyStats();
  stats.skipped.tooLarge = 2;
  return { version: 1, tool: 'leakwatch', target: 'repo\nwith "odd" name', rulesetHash: 'x', stats, findings };
};

describe('the JSON report', () => {
  // The contract is JSON.stringify(report, null, 2): the two-part rendering (which a rerun's
  // cached report relies on) must give it byte for byte.
  it('is JSON.stringify of the report, indented by two, whatever the findings hold', () => {
    const odd = [
      finding('a', 'src/a.env', 'Plain'),
      finding('b', 'dir with spaces/\n{ "not": "json" }\n  ].txt', 'Line\nbreaks, "quotes", \\ and \u2028 and \u{1F511}'),
      finding('c', '', ''),
    ];
    for (const findings of [[], odd.slice(0, 1), odd]) {
      const r = report(findings);
      expect(renderJson(r)).toBe(`${JSON.stringify(r, null, 2)}\n`);
      const { findings: f, ...rest } = r;
      const [before, after] = renderJsonAround(rest);
      expect(`${before}${renderJsonFindings(f)}${after}`).toBe(renderJson(r));
      expect(JSON.parse(renderJsonFindings(f))).toEqual(f);
    }
  });
});
