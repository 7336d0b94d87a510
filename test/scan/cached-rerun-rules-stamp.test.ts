/**
 * A rerun takes the rules key from its cached report only while the rule files keep the stamp
 * taken when that key was made (detect/rule-stamp.ts): any edit, even to the same size with the
 * modification time put back, a file added, other variables, or a file changed too recently to
 * tell, and the files are read and hashed again, so the rerun scans with the rules as they are.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentRulesStamp, readRuleSources } from '../../src/detect/rule-sources.js';
import { RACY_MS } from '../../src/detect/rule-stamp.js';
import { answerFromCache } from '../../src/scan/cached-rerun.js';
import { runScan } from '../../src/scan/run-scan.js';
import type { RunScanOptions } from '../../src/scan/run-scan.js';
import { openScanStore } from '../../src/store/open-store.js';
import type { ScanStore } from '../../src/store/types.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { writeTicketRules } from '../helpers/rule-spec.js';
import { editInPlace, setTimes } from '../helpers/edit-in-place.js';

afterAll(removeTempDirs);

/** The files of a test are seconds old at most: seen from a clock a minute on, their stamp can be taken. */
function clockAMinuteOn(): void {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 60_000 });
}

beforeEach(clockAMinuteOn);
afterEach(() => {
  vi.useRealTimers();
});

/** A rules folder of one file (custom.yaml) with the times editInPlace puts back. */
function ticketRules(): string {
  const dir = writeTicketRules(tempDir());
  setTimes(join(dir, 'custom.yaml'));
  return dir;
}

describe('the rule files stamp', () => {
  it('is the same while nothing changes, and another after an edit to the same size and time, a new file, or other variables', () => {
    const dir = ticketRules();
    const stamp = currentRulesStamp([dir], { builtin: false });
    expect(stamp).toMatch(/^[0-9a-f]{64}$/);
    expect(readRuleSources([dir], { builtin: false }).stamp).toBe(stamp);
    expect(currentRulesStamp([dir], { builtin: false })).toBe(stamp);
    expect(currentRulesStamp([dir], { builtin: false, variables: { internalDomains: ['corp.example'] } })).not.toBe(stamp);
    // Variables with no values switch nothing on, as in the rules key.
    expect(currentRulesStamp([dir], { builtin: false, variables: { internalDomains: [] } })).toBe(stamp);
    editInPlace(join(dir, 'custom.yaml'), (t) => t.replace('severity: low', 'severity: med'));
    const edited = currentRulesStamp([dir], { builtin: false });
    expect(edited).not.toBe(stamp);
    writeFileSync(join(dir, 'more.yaml'), 'rules: []\n');
    expect(currentRulesStamp([dir], { builtin: false })).not.toBe(edited);
  });

  it('is not taken while a rule file changed less than RACY_MS ago', () => {
    vi.useRealTimers();
    const dir = writeTicketRules(tempDir());
    expect(currentRulesStamp([dir], { builtin: false })).toBeNull();
    expect(readRuleSources([dir], { builtin: false }).stamp).toBeNull();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + RACY_MS + 1000 });
    expect(currentRulesStamp([dir], { builtin: false })).not.toBeNull();
  });
});

describe('a rerun answered from its cached report', () => {
  function setUp() {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.txt': 'internal tickets LW-12345678 and LX-87654321\n' });
    const rules = ticketRules();
    const state = tempDir();
    const opened = { count: 0 };
    const options = (more: Partial<RunScanOptions> = {}) => ({ target: repo.dir, stateDir: state, workers: 1, rulesDirs: [rules], ...more });
    const scan = (more: Partial<RunScanOptions> = {}) =>
      runScan({ ...options(more), loadOpenStore: async () => (dir: string): ScanStore => (opened.count++, openScanStore(dir)) });
    const answer = (more: Partial<RunScanOptions> = {}) => answerFromCache({ ...options(more), stateDir: state });
    const reportFile = () => join(state, 'reports', readdirSync(join(state, 'reports'))[0]!);
    return { rules, scan, answer, opened, reportFile };
  }

  it("takes the rules key from the report while the stamp holds: a report naming another key is not answered", async () => {
    const { scan, answer, opened, reportFile } = setUp();
    await scan();
    expect(await answer()).not.toBeNull();
    const text = readFileSync(reportFile(), 'utf8');
    const origin = JSON.parse(text.split('\n')[1]!);
    expect(origin.rules.stamp).toMatch(/^[0-9a-f]{64}$/);
    // The key the stamp vouches for is the one the report's own key was made with, or nothing is answered.
    writeFileSync(reportFile(), text.replace(origin.rules.key, '0'.repeat(64)));
    expect(await answer()).toBeNull();
    // The same report with its stamp gone: the files are read and hashed, and it holds.
    writeFileSync(reportFile(), text.replace(`"stamp":"${origin.rules.stamp}"`, '"stamp":null'));
    expect(await answer()).not.toBeNull();
    expect(opened.count).toBe(1);
  });

  it('scans again after a rule file is edited in place to the same size and modification time', async () => {
    const { rules, scan, answer, opened } = setUp();
    // LW- at column 18, LX- at column 34.
    expect((await scan()).findings.map((f) => f.column)).toEqual([18]);
    expect(await answer()).not.toBeNull();
    editInPlace(join(rules, 'custom.yaml'), (t) => t.replaceAll('LW-', 'LX-').replaceAll('lw-', 'lx-'));
    expect(await answer()).toBeNull();
    expect((await scan()).findings.map((f) => f.column)).toEqual([34]);
    expect(opened.count).toBe(2);
    expect(await answer()).not.toBeNull();
  });

  it('scans again after a rule file is added, or with other variables', async () => {
    const { rules, scan, answer, opened } = setUp();
    await scan();
    expect(await answer()).not.toBeNull();
    expect(await answer({ variables: { internalDomains: ['corp.example'] } })).toBeNull();
    writeFileSync(join(rules, 'other.yaml'), readFileSync(join(rules, 'custom.yaml'), 'utf8').replaceAll('custom-ticket', 'other-ticket'));
    expect(await answer()).toBeNull();
    expect((await scan()).findings.map((f) => f.ruleId).sort()).toEqual(['custom-ticket', 'other-ticket']);
    expect(opened.count).toBe(2);
  });
});
