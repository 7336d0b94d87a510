/**
 * Real git repositories in temp dirs for tests, isolated from the user's git config, with
 * fixed identities and dates so attribution can be asserted exactly.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GIT_CONFIG_GLOBAL } from './git-config-global.js';

export const TEST_GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: GIT_CONFIG_GLOBAL,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.test',
  GIT_COMMITTER_NAME: 'Test Committer',
  GIT_COMMITTER_EMAIL: 'committer@example.test',
};

const tempDirs: string[] = [];

export function tempDir(prefix = 'leakwatch-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export class TestRepo {
  private clock = Date.UTC(2024, 0, 1) / 1000;

  constructor(readonly dir: string) {}

  static create(options: { bare?: boolean } = {}): TestRepo {
    const dir = tempDir();
    const repo = new TestRepo(dir);
    repo.git('init', '-q', '-b', 'main', ...(options.bare ? ['--bare'] : []));
    return repo;
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: this.env(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  }

  write(path: string, content: string | Buffer): void {
    const abs = join(this.dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }

  /** Commits everything with a date one day after the previous commit; returns the sha. */
  commit(message: string, files: Record<string, string | Buffer> = {}): string {
    for (const [path, content] of Object.entries(files)) this.write(path, content);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.head();
  }

  head(): string {
    return this.git('rev-parse', 'HEAD').trim();
  }

  /** The ISO date the next commit will get. */
  nextDate(): string {
    return new Date((this.clock + 86400) * 1000).toISOString();
  }

  private env(): NodeJS.ProcessEnv {
    this.clock += 86400;
    const date = `${this.clock} +0000`;
    return { ...TEST_GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  }
}
