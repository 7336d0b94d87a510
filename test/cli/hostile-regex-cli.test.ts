import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

afterAll(removeTempDirs);

/** The rule of issue 10, section 4: passed every check and hung a scan on 204 characters. */
function hostileRules(): string {
  const dir = tempDir();
  writeFileSync(
    join(dir, 'svc.yaml'),
    [
      'family: svc',
      'provider: Svc',
      'rules:',
      '  - id: svc-token',
      '    title: Svc token',
      '    severity: high',
      '    keywords: [svc_]',
      "    regex: 'svc_(?:[A-Za-z0-9]{1,20}[-_]?){1,20}_token'",
      '    examples:',
      "      positive: ['svc_abc-def_token']",
      "      negative: ['svc_x']",
      '',
    ].join('\n'),
  );
  return dir;
}

describe('a user rule that can backtrack exponentially', () => {
  it('is refused by `rules test`, naming the file, the rule and the construct', () => {
    const r = runCli(['rules', 'test', '--rules', hostileRules()]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/svc\.yaml: rule svc-token: regex: "\(\?:\[A-Za-z0-9\]\{1,20\}\[-_\]\?\)\{1,20\}" can match the same text/);
  });

  it('is refused before a scan of the hostile input starts, so the scan ends', () => {
    const data = tempDir();
    writeFileSync(join(data, 'hostile.txt'), `svc_${'a'.repeat(200)}\n`);
    const r = runCli(['scan', data, '--rules', hostileRules(), '--no-state', '--no-progress']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rule svc-token: regex:');
  });
});
