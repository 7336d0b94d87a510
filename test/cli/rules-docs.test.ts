import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderDetectorsDocFor } from '../../src/detect/render-detectors-doc.js';
import { runCli } from '../helpers/run-cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('leakwatch rules docs', () => {
  it('prints the detector catalogue on stdout with exit 0', () => {
    const r = runCli(['rules', 'docs']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(renderDetectorsDocFor());
  });

  it('writes the catalogue to --output and nothing to stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakwatch-docs-'));
    dirs.push(dir);
    const file = join(dir, 'detectors.md');
    const r = runCli(['rules', 'docs', '-o', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(renderDetectorsDocFor());
  });

  it('a --rules directory that does not exist is a one-line error with exit 2', () => {
    const r = runCli(['rules', 'docs', '--rules', join(tmpdir(), 'leakwatch-no-such-rules-dir')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('rules directory');
  });
});
