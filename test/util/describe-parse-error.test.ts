import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { readRuleFile } from '../../src/detect/load-rules.js';
import { readStaticInventory } from '../../src/inventory/sources/static-file/read-static-inventory.js';
import { readBaseline } from '../../src/scan/read-baseline.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { githubToken } from '../helpers/tokens.js';

afterEach(removeTempDirs);

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected an error');
}

/** Files given by mistake whose parse errors would quote the secret in them. */
function brokenFiles(secret: string): Record<string, string> {
  return {
    json: `${secret}\n`,
    'yaml-flow': `token: [${secret}\n`,
    'yaml-nested': `key: value: ${secret}\n`,
    'yaml-indent': `- a\n b: ${secret}\n`,
  };
}

describe('parse errors never echo the input', () => {
  const secret = githubToken();
  const cases: [string, (file: string) => unknown][] = [
    ['baseline', (file) => readBaseline(file)],
    ['config', (file) => loadConfig({ configPath: file, env: {} })],
    ['static inventory', (file) => readStaticInventory(file)],
    ['rule file', (file) => readRuleFile(file)],
  ];
  for (const [what, read] of cases) {
    it(`${what}: names the file and the problem, and quotes none of the file`, () => {
      const dir = tempDir();
      for (const [name, text] of Object.entries(brokenFiles(secret))) {
        const file = join(dir, `${name}.txt`);
        writeFileSync(file, text);
        const message = messageOf(() => read(file));
        expect(message).toContain(file.split('/').pop());
        expect(message).not.toContain(secret.slice(0, 8));
        expect(message).not.toContain(secret.slice(-8));
      }
    });
  }

  it('baseline: a non-JSON file is named as such', () => {
    const file = join(tempDir(), 'baseline.json');
    writeFileSync(file, `${secret}\n`);
    expect(messageOf(() => readBaseline(file))).toBe(`baseline ${file} is not JSON; write one with --write-baseline`);
  });
});
