import { describe, expect, it } from 'vitest';
import { emptyStats } from '../../src/domain/finding.js';
import type { Finding, ScanReport } from '../../src/domain/finding.js';
import type { Confidence, Severity } from '../../src/detect/types.js';
import { filterByConfidence } from '../../src/report/filter-confidence.js';
import { renderText } from '../../src/report/render-text.js';

function finding(id: string, confidence: Confidence, severity: Severity): Finding {
  return {
    id, ruleId: `rule-${id}`, title: `Title ${id}`, severity, kind: 'credential', confidence, secretSha256: 'a'.repeat(64),
    redacted: 'ab…cd', commit: null, author: null, email: null, date: null, path: `p/${id}.txt`, line: 1, endLine: 1, column: 1,
    blob: null, verified: null, locations: [],
  };
}

const report = (findings: Finding[]): ScanReport => ({ version: 1, tool: 'leakwatch', target: 't', rulesetHash: 'x', stats: emptyStats(), findings });

describe('filterByConfidence and the text report', () => {
  const all = [finding('a', 'low', 'critical'), finding('b', 'medium', 'low'), finding('c', 'high', 'medium'), finding('d', 'medium', 'critical'), finding('e', 'low', 'high')];

  it('keeps the findings at or above the level and counts the others per level', () => {
    expect(filterByConfidence(report(all), 'low')).toEqual({ report: report(all), hidden: {} });
    const medium = filterByConfidence(report(all), 'medium');
    expect(medium.report.findings.map((f) => f.id)).toEqual(['b', 'c', 'd']);
    expect(medium.hidden).toEqual({ low: 2 });
    const high = filterByConfidence(report(all), 'high');
    expect(high.report.findings.map((f) => f.id)).toEqual(['c']);
    expect(high.hidden).toEqual({ medium: 2, low: 2 });
  });

  it('groups by confidence, high first and the most severe first within a group, and names what it left out', () => {
    const text = renderText(report(all), false);
    const order = [...text.matchAll(/^ {2}\S+ +Title (\w)/gm)].map((m) => m[1]);
    expect(order).toEqual(['c', 'd', 'b', 'a', 'e']);
    expect(text.match(/^[A-Z]+ CONFIDENCE \(\d\)$/gm)).toEqual(['HIGH CONFIDENCE (1)', 'MEDIUM CONFIDENCE (2)', 'LOW CONFIDENCE (2)']);
    expect(text).not.toMatch(/not shown/);
    const { report: shown, hidden } = filterByConfidence(report(all), 'high');
    expect(renderText(shown, false, { hidden })).toMatch(/\n4 lower-confidence findings not shown \(2 medium, 2 low\); --min-confidence low shows them\.\n$/);
  });
});
