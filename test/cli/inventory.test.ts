import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createInventoryCommand } from '../../src/cli/inventory.js';
import { LeakwatchError } from '../../src/errors.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

describe('leakwatch inventory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leakwatch-cli-inventory-'));
    for (const repo of ['owned.git', 'stray.git']) mkdirSync(join(dir, 'repos', repo), { recursive: true });
    writeFileSync(
      join(dir, 'inventory.yaml'),
      [
        'repositories:',
        '  - path: repos/*.git',
        '    team: platform',
        '  - name: owned',
        '    owner: owner@example.com',
        '    classification: confidential',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'leakwatch.yaml'), 'inventory:\n  staticFile: inventory.yaml\n  defaultOwner: security@example.com\n');
  });

  async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
    let out = '';
    const command = createInventoryCommand({ write: (text) => (out += text), env, cwd: dir, log: createMemoryLogger().log });
    command.exitOverride();
    await command.parseAsync(args, { from: 'user' });
    return out;
  }

  it('prints a table with owner and classification and flags the missing owner with its fallback', async () => {
    const out = await run(['--config', 'leakwatch.yaml']);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^REPOSITORY\s+SOURCE\s+REGION\s+OWNER\s+TEAM\s+CLASSIFICATION$/);
    expect(lines.find((line) => line.startsWith('owned '))).toMatch(/owner@example\.com\s+platform\s+confidential$/);
    expect(lines.find((line) => line.startsWith('stray '))).toMatch(/MISSING \(→ security@example\.com\)\s+platform\s+internal$/);
    expect(out).toContain('2 repositories, 1 without owner (their incidents go to security@example.com)');
  });

  it('prints JSON with the ownerMissing flag and the list of unowned repositories', async () => {
    const report = JSON.parse(await run(['--format', 'json'], { LEAKWATCH_CONFIG: 'leakwatch.yaml' })) as {
      repositories: Array<{ id: string; ownerMissing: boolean; classification: string }>;
      missingOwner: string[];
      defaultOwner: string | null;
    };
    expect(report.repositories.map((repo) => [repo.id, repo.ownerMissing, repo.classification])).toEqual([
      ['static:owned', false, 'confidential'],
      ['static:stray', true, 'internal'],
    ]);
    expect(report.missingOwner).toEqual(['static:stray']);
    expect(report.defaultOwner).toBe('security@example.com');
  });

  it('tells the user to set a default owner when there is none', async () => {
    writeFileSync(join(dir, 'leakwatch.yaml'), 'inventory:\n  staticFile: inventory.yaml\n');
    const out = await run(['--config', 'leakwatch.yaml']);
    expect(out).toMatch(/stray .*MISSING\s/);
    expect(out).toContain('set inventory.defaultOwner');
  });

  it('rejects an unknown format as a usage error', async () => {
    await expect(run(['--config', 'leakwatch.yaml', '--format', 'xml'])).rejects.toMatchObject({ code: 'usage' });
  });

  it('reports an invalid config as a config error listing the path', async () => {
    writeFileSync(join(dir, 'leakwatch.yaml'), 'inventory:\n  staticFile: 42\n');
    const err = await run(['--config', 'leakwatch.yaml']).catch((caught: unknown) => caught);
    expect(err).toBeInstanceOf(LeakwatchError);
    expect((err as LeakwatchError).message).toMatch(/inventory\.staticFile: /);
  });
});
