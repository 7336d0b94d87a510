import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { postureChecks } from '../../src/posture/api.js';

const dir = fileURLToPath(new URL('../../src/posture/checks/', import.meta.url));

describe('the posture check registry', () => {
  it('registers exactly one check per file in checks/, under the file name as its id', () => {
    const files = readdirSync(dir).map((f) => f.replace(/\.ts$/, '')).sort();
    expect([...postureChecks.keys()].sort()).toEqual(files);
  });

  it('gives every check a title, a reference and remediation text', () => {
    for (const check of postureChecks.values()) {
      expect(check.title, check.id).not.toBe('');
      expect(check.reference, check.id).not.toBe('');
      expect(check.remediation.length, check.id).toBeGreaterThan(40);
    }
  });

  it('covers the checks the playbook names by their Prowler id', () => {
    const references = [...postureChecks.values()].map((c) => c.reference).join(' ');
    for (const id of ['check21', 'check22', 'check26', 'extra73', 'extra734', 'extra763', 'extra769', 'check12', 'extra713', 'extra712', 'codebuild-project-envvar-awscred-check']) {
      expect(references, id).toContain(id);
    }
  });

  it('documents every check with its reference in docs/posture.md', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../docs/posture.md', import.meta.url)), 'utf8');
    for (const check of postureChecks.values()) {
      expect(doc, check.id).toContain(`#### \`${check.id}\`: ${check.title}`);
      expect(doc, check.id).toContain(`Reference: ${check.reference}`);
      expect(doc, check.id).toContain(check.remediation);
    }
  });
});
