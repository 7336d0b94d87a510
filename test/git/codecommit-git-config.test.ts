import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  codecommitGitConfigArgs,
  codecommitHelperCommand,
  defaultHelperCommandOptions,
} from '../../src/git/codecommit-git-config.js';

describe('CodeCommit git config arguments', () => {
  it('resets other credential helpers before adding ours and asks git for the path', () => {
    const args = codecommitGitConfigArgs({ script: '/opt/leakwatch/helper.js' });
    expect(args.filter((arg) => arg !== '-c')).toEqual([
      'credential.helper=',
      expect.stringMatching(/^credential\.helper=!/),
      'credential.useHttpPath=true',
    ]);
  });

  it('runs the helper with git’s action first and the profile after it, quoting odd paths safely', () => {
    const dir = mkdtempSync(join(tmpdir(), "leakwatch it's here-"));
    const script = join(dir, 'print-args.mjs');
    writeFileSync(script, 'process.stdout.write(JSON.stringify(process.argv.slice(2)));\n');
    const command = codecommitHelperCommand({ script, profile: "audit's" }).slice(1);
    const out = execFileSync('sh', ['-c', `${command} get`], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['get', '--profile', "audit's"]);
  });

  it('uses the compiled helper beside a compiled module', () => {
    const moduleUrl = pathToFileURL('/opt/leakwatch/dist/git/codecommit-git-config.js').href;
    expect(defaultHelperCommandOptions(moduleUrl, ['--import', 'x.mjs'])).toEqual({
      script: '/opt/leakwatch/dist/git/codecommit-credential-helper-bin.js',
      nodeArgs: [],
    });
  });

  it('uses the TypeScript entry with this process’s --import loader when running from sources', () => {
    const moduleUrl = pathToFileURL('/src/leakwatch/src/git/codecommit-git-config.ts').href;
    expect(defaultHelperCommandOptions(moduleUrl, ['--inspect', '--import', '/l/register.mjs', '--import=/l/other.mjs'])).toEqual({
      script: '/src/leakwatch/src/git/codecommit-credential-helper-bin.ts',
      nodeArgs: ['--import', '/l/register.mjs', '--import=/l/other.mjs'],
    });
  });
});
