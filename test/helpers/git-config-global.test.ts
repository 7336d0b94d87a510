import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GIT_CONFIG_GLOBAL } from './git-config-global.js';
import { TEST_GIT_ENV } from './git-repo.js';

describe('the tests global git config', () => {
  it('is an empty regular file, never /dev/null, in every place tests run git from', () => {
    for (const path of [process.env.GIT_CONFIG_GLOBAL, TEST_GIT_ENV.GIT_CONFIG_GLOBAL, GIT_CONFIG_GLOBAL]) {
      expect(path).not.toBe('/dev/null');
      const st = statSync(path!);
      expect(st.isFile()).toBe(true);
      expect(st.size).toBe(0);
    }
  });

  it('is the file git reads as --global', () => {
    const shown = execFileSync('git', ['config', '--global', '--show-origin', '--list'], { env: TEST_GIT_ENV, encoding: 'utf8' });
    expect(shown).toBe('');
    expect(readFileSync(GIT_CONFIG_GLOBAL, 'utf8')).toBe('');
  });

  it('.ci/run gives git an empty temp file, not /dev/null', () => {
    const script = readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8');
    expect(script).not.toMatch(/GIT_CONFIG_GLOBAL=\/dev\/null/);
    expect(script).toMatch(/GIT_CONFIG_GLOBAL="\$\(mktemp -d\)\/gitconfig"/);
  });
});
