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
    expect(lines[0]).toMatch(/^REPOSITORY\s+KIND\s+SOURCE\s+REGION\s+OWNER\s+TEAM\s+CLASSIFICATION$/);
    expect(lines.find((line) => line.startsWith('owned '))).toMatch(/owner@example\.com\s+platform\s+confidential$/);
    expect(lines.find((line) => line.startsWith('stray '))).toMatch(/MISSING \(→ security@example\.com\)\s+platform\s+internal$/);
    expect(out).toContain('2 repositories, 0 code stores, 1 without owner (their incidents go to security@example.com)');
  });

  it('lists s3 and ec2 code stores beside repositories, with owner, classification and writers', async () => {
    writeFileSync(
      join(dir, 'inventory.yaml'),
      [
        'repositories:',
        '  - kind: s3',
        '    bucket: payments-code-backups',
        '    prefix: releases/',
        '    owner: owner@example.com',
        '    classification: restricted',
        '    writers: [arn:aws:iam::111122223333:role/backup-writer]',
        '  - kind: ec2',
        '    resourceId: ami-0123456789abcdef0',
        '    name: git-server-image',
      ].join('\n'),
    );
    const out = await run(['--config', 'leakwatch.yaml']);
    expect(out).toMatch(/^s3:payments-code-backups\/releases\/\s+s3\s+static-file\s+-\s+owner@example\.com\s+-\s+restricted$/m);
    expect(out).toMatch(/^git-server-image\s+ec2 ami\s+static-file\s+-\s+MISSING/m);
    expect(out).toContain('0 repositories, 2 code stores, 1 without owner');
    const report = JSON.parse(await run(['--format', 'json'], { LEAKWATCH_CONFIG: 'leakwatch.yaml' })) as {
      codeStores: Array<{ id: string; location: unknown; writers: string[] }>;
      missingOwner: string[];
    };
    expect(report.codeStores.map((s) => [s.id, s.location, s.writers])).toEqual([
      ['s3:payments-code-backups/releases/', { kind: 's3', bucket: 'payments-code-backups', prefix: 'releases/' }, ['arn:aws:iam::111122223333:role/backup-writer']],
      ['ec2:ami-0123456789abcdef0', { kind: 'ec2', resourceId: 'ami-0123456789abcdef0' }, []],
    ]);
    expect(report.missingOwner).toEqual(['ec2:ami-0123456789abcdef0']);
  });

  it('refuses an s3 entry without a bucket and an ec2 entry with a malformed id, saying which', async () => {
    writeFileSync(join(dir, 'inventory.yaml'), ['repositories:', '  - kind: s3', '    prefix: x/', '  - kind: ec2', '    resourceId: vol-1'].join('\n'));
    const err = await run(['--config', 'leakwatch.yaml']).catch((caught: unknown) => caught);
    expect((err as LeakwatchError).message).toMatch(/repositories\.0: An s3 entry needs a bucket/);
    expect((err as LeakwatchError).message).toMatch(/repositories\.1\.resourceId: Not an EC2 instance/);
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
