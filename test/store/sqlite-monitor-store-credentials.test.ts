import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createInventoryCommand } from '../../src/cli/inventory.js';
import type { Repository } from '../../src/domain/repository.js';
import { SqliteMonitorStore } from '../../src/store/sqlite/sqlite-monitor-store.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

afterAll(removeTempDirs);

// Built at run time, never literal: a password holding '@' and a query token.
const password = `p@${randomBytes(6).toString('hex')}`;
const token = randomBytes(8).toString('hex');
const URL_WITH_CREDENTIALS = `https://deploy:${password}@git.example.test/app.git?access_token=${token}`;

function repository(cloneUrl: string): Repository {
  return {
    id: 'static:app', name: 'app', cloneUrl, source: 'static-file', owner: { email: 'o@example.test' },
    escalationContacts: [], classification: 'internal', tags: {}, ownerMissing: false,
  };
}

function rawRows(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return JSON.stringify(db.prepare('SELECT clone_url, data FROM repositories').all());
  } finally {
    db.close();
  }
}

describe('clone URL credentials and the store', () => {
  it('stores and returns clone URLs redacted', () => {
    const file = join(tempDir(), 'state.db');
    const store = new SqliteMonitorStore(file);
    store.upsertRepositories([repository(URL_WITH_CREDENTIALS)]);
    expect(store.getRepository('static:app')!.cloneUrl).toBe('https://***@git.example.test/app.git?access_token=***');
    expect(store.getRepository('static:app')!.repository.cloneUrl).toBe('https://***@git.example.test/app.git?access_token=***');
    store.close();
    const rows = rawRows(file);
    expect(rows).not.toContain(password);
    expect(rows).not.toContain(token);
    expect(readFileSync(file).toString('latin1')).not.toContain(token);
  });

  it('rewrites rows an older version stored with credentials when the store opens', () => {
    const file = join(tempDir(), 'state.db');
    new SqliteMonitorStore(file).close();
    const db = new Database(file);
    db.prepare(
      `INSERT INTO repositories (id, name, clone_url, owner_email, team, classification, data, updated_at) VALUES ('static:app', 'app', ?, NULL, NULL, 'internal', ?, 'now')`,
    ).run(URL_WITH_CREDENTIALS, JSON.stringify(repository(URL_WITH_CREDENTIALS)));
    db.close();
    new SqliteMonitorStore(file).close();
    const rows = rawRows(file);
    expect(rows).not.toContain(password);
    expect(rows).not.toContain(token);
    expect(rows).toContain('https://***@git.example.test/app.git?access_token=***');
  });

  it('inventory --format json prints the URL redacted', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'conf'));
    writeFileSync(join(dir, 'inventory.yaml'), `repositories:\n  - name: app\n    url: "${URL_WITH_CREDENTIALS}"\n    owner: o@example.test\n`);
    writeFileSync(join(dir, 'leakwatch.yaml'), 'inventory:\n  staticFile: inventory.yaml\n');
    let out = '';
    const command = createInventoryCommand({ write: (text) => (out += text), env: {}, cwd: dir, log: createMemoryLogger().log });
    command.exitOverride();
    await command.parseAsync(['--config', 'leakwatch.yaml', '--format', 'json'], { from: 'user' });
    expect(out).not.toContain(password);
    expect(out).not.toContain(token);
    expect(JSON.parse(out).repositories[0].cloneUrl).toBe('https://***@git.example.test/app.git?access_token=***');
  });
});
