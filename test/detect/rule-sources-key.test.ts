/**
 * The rules' key (rule-sources.ts) says what the rule files hold, built-in ones included: never
 * what a build, a file's size or its modification time said, so an edited rule is never
 * answered from a rules cache or a rerun's cached report made with the old one.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { BUILTIN_RULES_DIR, cacheKey, readRuleSources, rulesSourceKey } from '../../src/detect/rule-sources.js';
import { packagePath } from '../../src/util/package-root.js';
import { runScan } from '../../src/scan/run-scan.js';
import { openScanStore } from '../../src/store/open-store.js';
import type { ScanStore } from '../../src/store/types.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { writeTicketRules } from '../helpers/rule-spec.js';
import { editInPlace, setTimes } from '../helpers/edit-in-place.js';

afterAll(removeTempDirs);

/** A whole second, so the file's times can be put back exactly. */

describe('the rules key', () => {
  it('changes with a rule file edited in place to the same size and modification time', () => {
    const dir = writeTicketRules(tempDir());
    setTimes(join(dir, 'custom.yaml'));
    const before = rulesSourceKey([dir], { builtin: false });
    editInPlace(join(dir, 'custom.yaml'), (t) => t.replace('severity: low', 'severity: med'));
    expect(rulesSourceKey([dir], { builtin: false })).not.toBe(before);
  });

  it('tells apart files whose bytes would join the same way, and variables', () => {
    const file = (name: string, text: string) => ({ file: `/r/${name}`, bytes: Buffer.from(text) });
    const key = cacheKey([], [file('a.yaml', 'ab'), file('b.yaml', 'c')]);
    expect(cacheKey([], [file('a.yaml', 'a'), file('b.yaml', 'bc')])).not.toBe(key);
    expect(cacheKey([['internalDomains', ['corp.example']]], [file('a.yaml', 'ab'), file('b.yaml', 'c')])).not.toBe(key);
    expect(cacheKey([], [file('a.yaml', 'ab'), file('b.yaml', 'c')])).toBe(key);
  });

  it('reads the built-in catalogue as it is on disk, not as the build saw it', async () => {
    // A copy of the package folder (what an upgrade, or an edit of detectors/ without a build, leaves).
    const root = tempDir();
    writeFileSync(join(root, 'package.json'), readFileSync(packagePath('package.json')));
    cpSync(BUILTIN_RULES_DIR, join(root, 'detectors'), { recursive: true });
    setTimes(join(root, 'detectors', 'aws.yaml'));
    const real = readRuleSources([], {});
    vi.resetModules();
    vi.doMock('../../src/util/package-root.js', () => ({
      packageRoot: () => root,
      packagePath: (...parts: string[]) => join(root, ...parts),
    }));
    try {
      const copied = await import('../../src/detect/rule-sources.js');
      // The same bytes at the same place in the package: the same key, wherever it is installed.
      expect(copied.rulesSourceKey()).toBe(real.key);
      editInPlace(join(root, 'detectors', 'aws.yaml'), (t) => t.replace(/severity: high/, 'severity: crit'));
      expect(copied.rulesSourceKey()).not.toBe(real.key);
    } finally {
      vi.doUnmock('../../src/util/package-root.js');
      vi.resetModules();
    }
  });
});

describe('a rerun after a rule file changed', () => {
  it('is scanned with the edited rule, not answered from the report of the old one', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { 'a.txt': 'internal tickets LW-12345678 and LX-87654321\n' });
    const rules = writeTicketRules(tempDir());
    setTimes(join(rules, 'custom.yaml'));
    const state = tempDir();
    const opened = { count: 0 };
    const scan = () =>
      runScan({
        target: repo.dir,
        stateDir: state,
        workers: 1,
        rulesDirs: [rules],
        loadOpenStore: async () => (dir: string): ScanStore => (opened.count++, openScanStore(dir)),
      });
    const first = await scan();
    // LW- at column 18, LX- at column 34.
    expect(first.findings.map((f) => f.column)).toEqual([18]);
    expect((await scan()).findings).toEqual(first.findings);
    expect(opened.count).toBe(1);
    // The same rule for LX- tickets: the same size, the same modification time.
    editInPlace(join(rules, 'custom.yaml'), (t) => t.replaceAll('LW-', 'LX-').replaceAll('lw-', 'lx-'));
    const edited = await scan();
    expect(opened.count).toBe(2);
    expect(edited.findings.map((f) => f.column)).toEqual([34]);
    expect((await scan()).findings).toEqual(edited.findings);
    expect(opened.count).toBe(2);
  });
});
