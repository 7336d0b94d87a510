import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/config/load-config.js';
import { LeakwatchError } from '../../../../src/errors.js';
import { staticFileSource } from '../../../../src/inventory/sources/static-file/index.js';
import { readStaticInventory } from '../../../../src/inventory/sources/static-file/read-static-inventory.js';
import { createMemoryLogger } from '../../../helpers/memory-logger.js';

describe('static-file inventory source', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leakwatch-inventory-'));
    for (const repo of ['alpha.git', 'beta.git', 'notes.txt.d', '.hidden.git']) mkdirSync(join(dir, 'repos', repo), { recursive: true });
    writeFileSync(join(dir, 'repos', 'readme.git'), 'a file, not a repository');
  });

  function list(yaml: string, cwd = dir) {
    writeFileSync(join(dir, 'inventory.yaml'), yaml);
    const config = parseConfig({ inventory: { staticFile: 'inventory.yaml' } }, {}, 'test');
    const memory = createMemoryLogger();
    return { records: staticFileSource.list({ config, log: memory.log, cwd }), memory };
  }

  it('turns urls, local paths and glob patterns into records with owners', async () => {
    const topic = 'arn:aws:sns:eu-west-1:111122223333:payments';
    const { records } = list(`
repositories:
  - path: repos/*.git
    team: platform
    classification: internal
  - url: https://git.example.com/payments/payments-api.git
    owner: alice@example.com
    team: payments
    escalation: [oncall@example.com]
    snsTopicArn: ${topic}
    classification: confidential
    tags: { tier: gold }
  - name: local-copy
    url: ./repos/alpha.git
`);
    const found = await records;
    expect(found.map((record) => [record.id, record.cloneUrl])).toEqual([
      ['static:alpha', join(dir, 'repos/alpha.git')],
      ['static:beta', join(dir, 'repos/beta.git')],
      ['static:payments-api', 'https://git.example.com/payments/payments-api.git'],
      ['static:local-copy', join(dir, 'repos/alpha.git')],
    ]);
    expect(found[0]).toMatchObject({ source: 'static-file', owner: { team: 'platform' }, classification: 'internal' });
    expect(found[2]).toMatchObject({
      owner: { email: 'alice@example.com', team: 'payments' },
      escalationContacts: ['oncall@example.com'],
      snsTopicArn: topic,
      classification: 'confidential',
      tags: { tier: 'gold' },
    });
  });

  it('keeps a name-only entry as an annotation without a clone URL', async () => {
    const found = await list('repositories:\n  - name: billing\n    region: eu-west-1\n    owner: bob@example.com\n').records;
    expect(found).toEqual([
      expect.objectContaining({ name: 'billing', region: 'eu-west-1', cloneUrl: undefined, owner: { email: 'bob@example.com', team: undefined } }),
    ]);
  });

  it('resolves the file against the working directory and entries against the file', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'leakwatch-cwd-'));
    writeFileSync(join(dir, 'inventory.yaml'), 'repositories:\n  - path: repos/a*.git\n');
    const config = parseConfig({ inventory: { staticFile: join(dir, 'inventory.yaml') } }, {}, 'test');
    const found = await staticFileSource.list({ config, log: createMemoryLogger().log, cwd: elsewhere });
    expect(found.map((record) => record.cloneUrl)).toEqual([join(dir, 'repos/alpha.git')]);
  });

  it('warns when a pattern matches no directory', async () => {
    const { records, memory } = list('repositories:\n  - path: nowhere/*\n');
    expect(await records).toEqual([]);
    expect(memory.lines().some((line) => line['msg'] === 'Inventory path pattern matches no directory')).toBe(true);
  });

  it('rejects an invalid file with every problem and its path', async () => {
    const { records } = list(`
repositories:
  - url: ./a
    path: ./b
  - name: x
    owner: not-an-email
    classification: secret
    colour: blue
  - team: nobody
`);
    const err = await records.catch((caught: unknown) => caught);
    expect(err).toBeInstanceOf(LeakwatchError);
    const message = (err as LeakwatchError).message;
    expect((err as LeakwatchError).code).toBe('config');
    expect(message).toMatch(/repositories\.0: Give either url or path, not both/);
    expect(message).toMatch(/repositories\.1\.owner: /);
    expect(message).toMatch(/repositories\.1\.classification: /);
    expect(message).toMatch(/repositories\.1: unknown key\(s\) colour/);
    expect(message).toMatch(/repositories\.2: An entry needs a name, a url or a path/);
  });

  it('reports a missing inventory file as a config error', async () => {
    const config = parseConfig({ inventory: { staticFile: 'missing.yaml' } }, {}, 'test');
    await expect(staticFileSource.list({ config, log: createMemoryLogger().log, cwd: dir })).rejects.toThrow(
      /Cannot read inventory file .*missing\.yaml/,
    );
  });

  it('ships an example file whose commented-out entries are valid too', () => {
    const example = readFileSync(resolve(import.meta.dirname, '../../../../config/inventory.example.yaml'), 'utf8');
    const uncommented = example.replace(/^ {2}# (- | {2})/gm, '  $1');
    writeFileSync(join(dir, 'example.yaml'), uncommented);
    const inventory = readStaticInventory(join(dir, 'example.yaml'));
    expect(inventory.repositories.map((entry) => entry.path ?? entry.url ?? entry.bucket ?? entry.resourceId ?? entry.name)).toEqual([
      '../repos/*',
      'https://git.example.com/payments/payments-api.git',
      'billing-service',
      'payments-code-backups',
      'ami-0123456789abcdef0',
    ]);
  });
});
