/* eslint-disable no-control-regex -- these tests look for raw control characters */
import { describe, expect, it } from 'vitest';
import { renderIncidentDetail, renderIncidentTable } from '../../src/cli/incidents-view.js';
import { renderInventoryTable } from '../../src/cli/inventory-table.js';
import type { Repository } from '../../src/domain/repository.js';
import { renderText } from '../../src/report/render-text.js';
import type { IncidentRecord } from '../../src/respond/incident-store.js';
import { emptyStats } from '../../src/domain/finding.js';
import type { Finding, ScanReport } from '../../src/domain/finding.js';
import { makeIncident } from '../helpers/make-incident.js';

/** Moves the cursor up and erases, retitles the window, returns to the line start. */
const HOSTILE = 'ok.txt\x1b[1A\x1b[2K\x1b]0;owned\x07\rCLEAN\u009b2K';
const RAW = /[\x1b\r\u009b\x07]/;

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: 'f1', ruleId: 'github-pat', title: 'GitHub token', severity: 'high', kind: 'credential', confidence: 'high',
    secretSha256: 'a'.repeat(64), redacted: 'ghp_…abcd', commit: '0123456789abcdef0123456789abcdef01234567',
    author: `Eve ${HOSTILE}`, email: 'eve@example.test', date: '2026-01-01T00:00:00Z', path: `src/${HOSTILE}`,
    line: 1, endLine: 1, column: 1, blob: 'b'.repeat(40), verified: null, locations: [], ...overrides,
  };
}

function report(findings: Finding[]): ScanReport {
  const stats = { ...emptyStats(), commits: 1, blobs: 1, bytes: 10, durationMs: 1 };
  return { version: 1, tool: 'leakwatch', target: `repo${HOSTILE}`, rulesetHash: 'x', stats, findings };
}

describe('text output escapes control characters from repository data', () => {
  it('scan text report: path, author and target', () => {
    const text = renderText(report([finding()]), false);
    expect(text).not.toMatch(RAW);
    expect(text).toContain('src/ok.txt\\x1b[1A\\x1b[2K\\x1b]0;owned\\x07\\rCLEAN\\x9b2K:1');
  });

  it('scan text report in colour: only our own colour codes are raw', () => {
    const text = renderText(report([finding()]), true);
    const escapes = text.match(/\x1b\[[0-9;]*m/g) ?? [];
    expect(text.replace(/\x1b\[[0-9;]*m/g, '')).not.toMatch(RAW);
    expect(escapes.length).toBeGreaterThan(0);
  });

  it('inventory table', () => {
    const repository: Repository = {
      id: 'static:x', name: `x${HOSTILE}`, cloneUrl: 'https://example.test/x.git', source: 'static-file',
      owner: { email: 'a@example.test', team: HOSTILE }, escalationContacts: [], classification: 'internal', tags: {}, ownerMissing: false,
    };
    expect(renderInventoryTable([repository], undefined)).not.toMatch(RAW);
  });

  it('incidents list and detail', () => {
    const base = makeIncident();
    const record: IncidentRecord = {
      ...base,
      exposure: { ...base.exposure, title: `Token ${HOSTILE}`, path: HOSTILE },
      repository: { ...base.repository, name: `payments${HOSTILE}` },
      ruleFamily: 'github', policy: 'notify', secretSha256s: [], approvedAt: null, acknowledgedAt: null, escalatedAt: null,
      locations: [{ repository: HOSTILE, commit: null, path: HOSTILE, line: 1, blob: null, firstSeen: null }],
      determination: { credentials: [], files: [HOSTILE], intelligence: [], since: '2026-01-01', branches: [HOSTILE], publicUrls: [`https://example.test/${HOSTILE}`] },
      createdAt: new Date(0), updatedAt: new Date(0),
    };
    expect(renderIncidentTable([record])).not.toMatch(RAW);
    const detail = renderIncidentDetail(record);
    expect(detail).not.toMatch(RAW);
    expect(detail).toContain('Incident inc-1: Token ok.txt\\x1b[1A\\x1b[2K');
  });
});
