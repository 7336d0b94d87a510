import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScan } from '../../src/scan/run-scan.js';
import { openScanStore } from '../../src/store/open-store.js';
import type { ScanReport } from '../../src/domain/finding.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

/** A random password, built at run time (letters and digits, entropy well above the rules' 3 bits). */
const password = (): string => randomBytes(24).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 20) + 'Q7x';

/** The VS Code SFTP extension's settings file: a JSON "password" the Terraform state rule also matches. */
const sftpJson = (secret: string): string => `{\n  "host": "files.internal",\n  "username": "deploy",\n  "password": "${secret}"\n}\n`;

const placements = (report: ScanReport): string[] =>
  report.findings.flatMap((f) => f.locations.map((l) => `${f.ruleId} ${l.path}`)).sort();

function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

describe('a rule restricted to some paths wins an overlap only where it applies', () => {
  it('reports a password in sftp.json from history as from a plain directory', async () => {
    const files = { 'sftp.json': sftpJson(password()) };
    const repo = TestRepo.create();
    repo.commit('sftp settings', files);
    const dir = tempDir();
    writeTree(dir, files);
    const fromHistory = await runScan({ target: repo.dir, stateDir: tempDir(), openStore: openScanStore, workers: 1 });
    const fromDirectory = await runScan({ target: dir, stateDir: null, workers: 1 });
    expect(placements(fromDirectory)).toEqual(['generic-secret-assignment sftp.json']);
    expect(placements(fromHistory)).toEqual(placements(fromDirectory));
  });

  it('gives one blob at two paths the rule that applies at each, in both modes and from the incremental state', async () => {
    const content = sftpJson(password());
    const files = { 'deploy/sftp.json': content, 'infra/prod.tfstate': content };
    const repo = TestRepo.create();
    repo.commit('same bytes twice', files);
    const dir = tempDir();
    writeTree(dir, files);
    const state = tempDir();
    const first = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 });
    const rerun = await runScan({ target: repo.dir, stateDir: state, openStore: openScanStore, workers: 1 });
    const fromDirectory = await runScan({ target: dir, stateDir: null, workers: 1 });
    const expected = ['generic-secret-assignment deploy/sftp.json', 'terraform-state-secret infra/prod.tfstate'];
    expect(placements(fromDirectory)).toEqual(expected);
    expect(placements(first)).toEqual(expected);
    expect(rerun.stats.blobs).toBe(0);
    expect(placements(rerun)).toEqual(expected);
  });

  it('keeps the path-restricted rule alone in a file it is meant for', async () => {
    const repo = TestRepo.create();
    repo.commit('state', { 'terraform.tfstate': sftpJson(password()) });
    const report = await runScan({ target: repo.dir, stateDir: null, workers: 1 });
    expect(placements(report)).toEqual(['terraform-state-secret terraform.tfstate']);
  });
});
