/**
 * Starts the real daemon (`node src/cli/main.ts daemon` through the TypeScript loader) as a
 * child process and follows its JSON log, so tests can wait for a log line instead of a time.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { TEST_GIT_ENV } from './git-repo.js';

const repoRoot = resolve(import.meta.dirname, '../..');

export interface DaemonProcess {
  child: ChildProcess;
  lines: Array<Record<string, unknown>>;
  /** Resolves with the first log line (from `from` on) that matches; rejects if the daemon exits first. */
  waitForLog(match: (line: Record<string, unknown>) => boolean, from?: number): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
}

export function startDaemonProcess(configFile: string, env: NodeJS.ProcessEnv, cwd: string): DaemonProcess {
  const child = spawn(
    process.execPath,
    ['--import', join(repoRoot, 'test/helpers/ts-loader/register.mjs'), join(repoRoot, 'src/cli/main.ts'), 'daemon', '--config', configFile],
    { cwd, env: { ...TEST_GIT_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: Array<Record<string, unknown>> = [];
  let text = '';
  let partial = '';
  const waiters: Array<() => void> = [];
  child.stderr!.on('data', (chunk: Buffer) => {
    const s = chunk.toString('utf8');
    text += s;
    partial += s;
    const parts = partial.split('\n');
    partial = parts.pop()!;
    for (const part of parts) {
      try {
        lines.push(JSON.parse(part) as Record<string, unknown>);
      } catch {
        lines.push({ msg: part });
      }
    }
    for (const w of waiters.splice(0)) w();
  });
  child.stdout!.on('data', () => undefined);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => {
      done({ code, signal });
      for (const w of waiters.splice(0)) w();
    }),
  );
  let exitedNow = false;
  void exited.then(() => (exitedNow = true));
  return {
    child,
    lines,
    exited,
    stderr: () => text,
    async waitForLog(match, from = 0) {
      for (;;) {
        const found = lines.slice(from).find(match);
        if (found) return found;
        if (exitedNow) throw new Error(`daemon exited before the expected log line:\n${text}`);
        await new Promise<void>((done) => waiters.push(done));
      }
    },
  };
}
