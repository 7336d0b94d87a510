import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScan } from '../../src/scan/run-scan.js';
import { startDaemonProcess } from '../helpers/daemon-process.js';
import { TEST_GIT_ENV, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { awsKeyId, awsSecretKey, githubToken } from '../helpers/tokens.js';

const NEVER = '0 0 1 1 *';

/** A bare repository of ~60 MB of text (a scan takes seconds) with a few secrets among it. */
function buildBigRepository(dir: string): void {
  execFileSync('git', ['init', '-q', '--bare', dir], { env: TEST_GIT_ENV });
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const words = Array.from({ length: 2000 }, () => next().toString(36));
  const parts: string[] = ['commit refs/heads/main\ncommitter T <t@example.test> 1700000000 +0000\ndata 4\nbig\n'];
  for (let file = 0; file < 3000; file++) {
    const lines: string[] = [];
    for (let line = 0; line < 300; line++) {
      lines.push(`${Array.from({ length: 8 }, () => words[next() % words.length]).join(' ')} = ${next()}`);
    }
    if (file % 1000 === 500) lines.push(`AWS_ACCESS_KEY_ID=${awsKeyId()}`, `AWS_SECRET_ACCESS_KEY=${awsSecretKey()}`);
    if (file % 1000 === 900) lines.push(`GITHUB_TOKEN=${githubToken()}`);
    const data = `${lines.join('\n')}\n`;
    parts.push(`M 644 inline src/f${file}.txt\ndata ${Buffer.byteLength(data)}\n${data}`);
  }
  parts.push('\n');
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, env: { ...TEST_GIT_ENV, GIT_DIR: dir }, input: parts.join(''), maxBuffer: 1 << 28 });
}

function readState(dbFile: string): { scanned: number; findings: string[] } {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const scanned = db
      .prepare("SELECT coalesce(sum(length(oids) / width), 0) FROM scanned_sets JOIN scan_targets ON scan_targets.id = target_id WHERE key = 'repository:static:big'")
      .pluck()
      .get() as number;
    const findings = db.prepare("SELECT finding_id FROM findings WHERE repository_id = 'static:big' ORDER BY finding_id").pluck().all() as string[];
    return { scanned, findings };
  } finally {
    db.close();
  }
}

afterAll(() => removeTempDirs());

function writeConfig(root: string, big: string): string {
  writeFileSync(join(root, 'inventory.yaml'), `repositories:\n  - url: ${big}\n    name: big\n    owner: owner@example.test\n`);
  const configFile = join(root, 'config.yaml');
  writeFileSync(
    configFile,
    [
      `dataDir: ${join(root, 'data')}`,
      'logLevel: debug',
      `inventory: { staticFile: ${join(root, 'inventory.yaml')} }`,
      `schedule: { inventoryRefresh: '${NEVER}', mirrorScan: '${NEVER}', watch: '${NEVER}', escalation: '${NEVER}' }`,
      'http: { host: 127.0.0.1, port: 0 }',
      '',
    ].join('\n'),
  );
  return configFile;
}

function objectCount(big: string): number {
  return execFileSync('git', ['--git-dir', big, 'cat-file', '--batch-all-objects', '--batch-check=%(objecttype)'], { encoding: 'utf8' })
    .split('\n')
    .filter((type) => type === 'blob' || type === 'commit' || type === 'tag').length;
}

describe('daemon crash safety', () => {
  let big: string;
  let expected: string[];

  beforeAll(async () => {
    big = join(tempDir(), 'big.git');
    buildBigRepository(big);
    expected = (await runScan({ target: big, stateDir: null })).findings.map((f) => f.id).sort();
  }, 120_000);

  it('after kill -9 mid-scan, a restart completes the scan with every finding once and a scan state that matches the objects scanned', async () => {
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const root = tempDir();
    const configFile = writeConfig(root, big);
    const dbFile = join(root, 'data', 'state.db');

    const first = startDaemonProcess(configFile, {}, root);
    await first.waitForLog((l) => l['msg'] === 'Scan started');
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(first.lines.some((l) => l['msg'] === 'Repository job finished')).toBe(false);
    // Cut mid-scan: the state claims nothing scanned, and no finding is half-recorded.
    expect(readState(dbFile)).toEqual({ scanned: 0, findings: [] });

    const second = startDaemonProcess(configFile, {}, root);
    const done = await second.waitForLog((l) => l['msg'] === 'Repository job finished' || l['msg'] === 'Repository job failed');
    expect(done).toMatchObject({ outcome: 'ok', repository: 'static:big' });
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);

    const state = readState(dbFile);
    expect(state.findings).toEqual(expected);
    expect(state.scanned).toBe(objectCount(big));
  }, 120_000);

  it('on SIGTERM mid-scan exits 0 with a consistent state, and the next start completes the scan', async () => {
    const root = tempDir();
    const configFile = writeConfig(root, big);
    const dbFile = join(root, 'data', 'state.db');

    const first = startDaemonProcess(configFile, {}, root);
    await first.waitForLog((l) => l['msg'] === 'Scan started');
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    const cut = readState(dbFile);
    // Either the scan finished within the grace period (all of it recorded) or nothing was.
    expect([0, objectCount(big)]).toContain(cut.scanned);
    expect(cut.findings).toEqual(cut.scanned === 0 ? [] : expected);

    const second = startDaemonProcess(configFile, {}, root);
    await second.waitForLog((l) => l['msg'] === 'Repository job finished' || l['msg'] === 'Repository job failed');
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    expect(readState(dbFile)).toEqual({ scanned: objectCount(big), findings: expected });
  }, 120_000);
});
