import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeOutput } from '../../src/cli/write-output.js';
import { writeBaseline } from '../../src/scan/read-baseline.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';

const readers: ChildProcess[] = [];
afterEach(() => {
  // A reader whose writer never came (the test failed) would wait forever.
  for (const reader of readers.splice(0)) if (reader.exitCode === null) reader.kill();
  removeTempDirs();
});

/** A reader on a FIFO in its own process (opening a FIFO to write blocks until one exists). */
function readFifo(fifo: string): Promise<string> {
  const cat = spawn('cat', [fifo]);
  readers.push(cat);
  const out: Buffer[] = [];
  cat.stdout.on('data', (b: Buffer) => out.push(b));
  return new Promise((resolve) => cat.on('close', () => resolve(Buffer.concat(out).toString('utf8'))));
}

describe('writeOutput: the --output file', () => {
  it('writes into a FIFO (a device stand-in) instead of replacing it with a regular file', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const read = readFifo(fifo);
    writeOutput('{"findings":[]}\n', fifo);
    expect(await read).toBe('{"findings":[]}\n');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['report.fifo']);
  });

  it('writes through a symbolic link to the file it points to, and keeps the link', () => {
    const dir = tempDir();
    const real = join(dir, 'real.json');
    const link = join(dir, 'report.json');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    writeOutput('new', link);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(real, 'utf8')).toBe('new');
  });

  it('never writes through a link planted at the old predictable temporary name', () => {
    const dir = tempDir();
    const victim = join(dir, 'victim');
    const target = join(dir, 'report.json');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, `${target}.tmp-${process.pid}`);
    writeOutput('report', target);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readFileSync(target, 'utf8')).toBe('report');
    expect(lstatSync(target).isFile()).toBe(true);
    // Only the planted link and the two files: no temporary file is left behind.
    expect(readdirSync(dir).sort()).toEqual(['report.json', 'report.json.tmp-' + process.pid, 'victim'].sort());
  });

  it('refuses a link to nothing with a one-line message naming the option', () => {
    const dir = tempDir();
    const link = join(dir, 'report.json');
    symlinkSync(join(dir, 'missing', 'file'), link);
    expect(() => writeOutput('x', link)).toThrow(/cannot write .*report\.json: .*symbolic link to a file that does not exist; check the --output path/);
  });

  it('keeps the mode of a file it replaces', () => {
    const dir = tempDir();
    const file = join(dir, 'report.json');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    writeOutput('new', file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('new');
  });
});

describe('writeBaseline', () => {
  it('writes a baseline through a link planted at the old temporary name without touching its target', () => {
    const dir = tempDir();
    const victim = join(dir, 'victim');
    const file = join(dir, 'baseline.json');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, `${file}.tmp-${process.pid}`);
    writeBaseline(file, []);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ findings: [] });
  });

  it('writes a baseline into a FIFO without replacing it', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'baseline.fifo');
    execFileSync('mkfifo', [fifo]);
    const read = readFifo(fifo);
    writeBaseline(fifo, []);
    expect(JSON.parse(await read)).toMatchObject({ version: 1, findings: [] });
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});
