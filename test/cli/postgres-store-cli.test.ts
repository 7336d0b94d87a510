// `leakwatch incidents` and `leakwatch match` against the PostgreSQL store a scaled-out daemon keeps:
// the commands in process, and the built (bundled) CLI as a user runs it with LEAKWATCH_DATABASE_URL.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createIncidentsCommand } from '../../src/cli/incidents.js';
import { createMatchCommand } from '../../src/cli/match.js';
import { updateRepoIndex } from '../../src/fingerprint/update-repo-index.js';
import { DEFAULT_WINNOW_PARAMETERS } from '../../src/fingerprint/winnow-parameters.js';
import { parseDatabaseUrl } from '../../src/store/postgres/pg-connection.js';
import { PgFingerprintIndex } from '../../src/store/postgres/pg-fingerprint-index.js';
import { PgIncidentStore } from '../../src/store/postgres/pg-incident-store.js';
import { OUR_CACHE, UNRELATED } from '../fingerprint/fixtures.js';
import { makeRepo, tempDir, writeFiles } from '../fingerprint/git-fixture.js';
import { CLI, runCli } from '../helpers/run-cli.js';
import { runCommand } from '../helpers/run-command.js';
import { freshSchema, probePostgres, schemaUrl, storeBackends } from '../store/contract/backends.js';
import { incidentRecord } from '../store/contract/fixtures.js';

const unavailable = await probePostgres();
await storeBackends(); // drops this file's schemas afterwards

function configFor(databaseUrl: string): string {
  const file = join(tempDir('cfg'), 'leakwatch.yaml');
  writeFileSync(file, JSON.stringify({ dataDir: tempDir('data'), databaseUrl }));
  return file;
}

describe.skipIf(unavailable !== undefined)(`CLI against the PostgreSQL store${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('leakwatch incidents lists and acknowledges the incidents the replicas opened', async () => {
    const url = schemaUrl(freshSchema());
    const store = new PgIncidentStore(parseDatabaseUrl(url));
    const record = incidentRecord();
    store.create(record);
    const config = configFor(url);
    let out = '';
    const run = (args: string[]): Promise<unknown> => {
      const command = createIncidentsCommand({ write: (text) => (out += text), env: {}, cwd: tempDir('cwd') });
      command.exitOverride();
      for (const sub of command.commands) sub.exitOverride();
      return command.parseAsync([...args, '--config', config], { from: 'user' });
    };
    await run(['list', '--format', 'json']);
    expect((JSON.parse(out) as Array<{ id: string }>).map((i) => i.id)).toEqual([record.id]);
    await run(['ack', record.id, '--by', 'alice']);
    expect(store.get(record.id)?.status).toBe('acknowledged');
    store.close();
  });

  it('leakwatch match matches candidates against the index the replicas keep, and says when there is none', async () => {
    const url = schemaUrl(freshSchema());
    const config = configFor(url);
    const match = (args: string[]): ReturnType<typeof runCommand> => runCommand((out, err) => createMatchCommand({ out, err, isTty: false }), args);
    const candidates = tempDir('cand');
    writeFiles(candidates, { 'copy/cache.js': OUR_CACHE, 'clean/other.py': UNRELATED });
    const none = await match([join(candidates, 'copy'), '--config', config]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/No fingerprint index in the PostgreSQL store \(databaseUrl\): run `leakwatch daemon` first/);

    const index = PgFingerprintIndex.open(parseDatabaseUrl(url), { parameters: DEFAULT_WINNOW_PARAMETERS });
    await updateRepoIndex(index, 'payments', makeRepo('payments', { 'src/cache.js': OUR_CACHE }));
    index.close();
    const run = await match([join(candidates, 'copy'), join(candidates, 'clean'), '--config', config, '--format', 'json']);
    expect(run.code).toBe(1);
    const { matches } = JSON.parse(run.out) as { matches: Array<Record<string, unknown>> };
    expect(matches).toEqual([expect.objectContaining({ candidate: join(candidates, 'copy', 'cache.js'), repo: 'payments', path: 'src/cache.js', score: 1 })]);
  });
});

describe.skipIf(unavailable !== undefined)(`built CLI against the PostgreSQL store${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  // The bundle once hung here: its PostgreSQL worker thread never answered (synckit bundled).
  it('leakwatch incidents list and leakwatch match finish with the store\'s answers when LEAKWATCH_DATABASE_URL is set', async () => {
    const url = schemaUrl(freshSchema());
    const store = new PgIncidentStore(parseDatabaseUrl(url));
    const record = incidentRecord();
    store.create(record);
    store.close();
    const env = { LEAKWATCH_DATABASE_URL: url, LEAKWATCH_DATA_DIR: tempDir('data'), PATH: process.env['PATH'] };
    const listed = runCli(['incidents', 'list', '--format', 'json'], env, tempDir('cwd'));
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as Array<{ id: string }>).map((i) => i.id)).toEqual([record.id]);

    const index = PgFingerprintIndex.open(parseDatabaseUrl(url), { parameters: DEFAULT_WINNOW_PARAMETERS });
    await updateRepoIndex(index, 'payments', makeRepo('payments', { 'src/cache.js': OUR_CACHE }));
    index.close();
    const candidates = tempDir('cand');
    writeFiles(candidates, { 'copy/cache.js': OUR_CACHE });
    const matched = runCli(['match', join(candidates, 'copy'), '--format', 'json'], env, tempDir('cwd'));
    expect(matched.code).toBe(1);
    expect((JSON.parse(matched.stdout) as { matches: Array<Record<string, unknown>> }).matches).toEqual([expect.objectContaining({ repo: 'payments', path: 'src/cache.js' })]);
  }, 300_000);
});

describe('the bundled CLI', () => {
  it('imports at run time only Node built-ins and production dependencies, which the image installs', () => {
    const dist = dirname(dirname(CLI));
    const files = [CLI, join(dist, 'cli/main.cjs'), join(dist, 'cli/program.js'), join(dist, 'store/postgres/pg-sync-worker.js'), ...readdirSync(join(dist, 'chunks')).map((f) => join(dist, 'chunks', f))];
    const imported = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^import\b[^;]*?\bfrom\s*"([^"]+)";?$/gm)) imported.add(m[1]!);
      for (const m of text.matchAll(/\bimport\("([^"]+)"\)/g)) imported.add(m[1]!);
    }
    const packages = [...imported].filter((name) => !name.startsWith('.') && !isBuiltin(name)).map((name) => name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/'));
    const { dependencies } = JSON.parse(readFileSync(join(dirname(dist), 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(packages).toContain('synckit');
    expect(packages.filter((name) => dependencies[name] === undefined)).toEqual([]);
  });
});
