// Proves the scan benchmark's corpus builder on a tiny spec whose tarballs are made here with
// tar (no registry): the history is valid, reproducible, has the planted secrets and exactly one
// dangling commit, and main ends with every package at its last version.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIT_CONFIG_GLOBAL } from '../../helpers/git-config-global.js';

interface Manifest {
  commits: number;
  reachableCommits: number;
  blobs: number;
  annotatedTags: number;
  planted: { id: string; sha256: string[] }[];
}
interface Built { repo: string; manifest: Manifest; reused: boolean }
interface CorpusModule {
  buildCorpus(spec: object, options: { dataDir: string; force?: boolean }): Promise<Built>;
}
interface TarballModule {
  readTarball(file: string): { path: string; executable: boolean; data: Buffer }[];
}

const scripts = new URL('../../../scripts/bench/', import.meta.url);
const load = async <T>(file: string): Promise<T> => (await import(new URL(file, scripts).href)) as T;

const SPEC = {
  id: 'test',
  repoName: 'corpus.git',
  targetCommits: 40,
  seed: 'test-seed',
  packages: { alpha: ['1.0.0', '1.1.0', '1.2.0', '2.0.0'], beta: ['0.1.0', '0.2.0', '0.3.0', '0.4.0'] },
};

const git = (repo: string, ...args: string[]): string =>
  execFileSync('git', ['-C', repo, ...args], { env: { ...process.env, GIT_CONFIG_GLOBAL: GIT_CONFIG_GLOBAL } }).toString();

/** The files of one synthetic version: most change every release, one goes away in 2.0.0. */
function versionFiles(name: string, version: string, index: number): Record<string, string> {
  const files: Record<string, string> = { 'package.json': JSON.stringify({ name, version }) };
  for (let k = 0; k < 12; k++) {
    if (version === '2.0.0' && k === 11) continue;
    files[`lib/part-${k}.js`] = `// ${name} part ${k}\nmodule.exports = ${k < 6 ? index : 0};\n`;
  }
  return files;
}

function makeTarball(dir: string, name: string, version: string, files: Record<string, string>, format = 'gnu'): void {
  const work = mkdtempSync(join(tmpdir(), 'bench-tar-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(work, 'package', path, '..'), { recursive: true });
    writeFileSync(join(work, 'package', path), text);
    if (path.startsWith('bin/')) chmodSync(join(work, 'package', path), 0o755);
  }
  execFileSync('tar', [`--format=${format}`, '-czf', join(dir, `${name}-${version}.tgz`), '-C', work, 'package']);
  rmSync(work, { recursive: true, force: true });
}

let root: string;
let first: Built;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
  const tarballs = join(root, 'a', 'tarballs');
  mkdirSync(tarballs, { recursive: true });
  for (const [name, versions] of Object.entries(SPEC.packages)) {
    versions.forEach((version, i) => makeTarball(tarballs, name, version, versionFiles(name, version, i)));
  }
  const { buildCorpus } = await load<CorpusModule>('build-scan-corpus.mjs');
  first = await buildCorpus(SPEC, { dataDir: join(root, 'a') });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('buildCorpus', () => {
  it('cuts the versions into about the target number of commits, one of them dangling', () => {
    expect(first.manifest.commits).toBeGreaterThanOrEqual(30);
    expect(first.manifest.commits).toBeLessThanOrEqual(50);
    expect(first.manifest.reachableCommits).toBe(first.manifest.commits - 1);
    const fsck = git(first.repo, 'fsck', '--no-reflogs');
    expect(fsck.match(/^dangling commit /gm)).toHaveLength(1);
  });

  it('tags every version and leaves main with each package at its last version', () => {
    expect(git(first.repo, 'tag').trim().split('\n').sort()).toEqual(
      Object.entries(SPEC.packages).flatMap(([n, vs]) => vs.map((v) => `${n}@${v}`)).sort(),
    );
    const onMain = git(first.repo, 'ls-tree', '-r', '--name-only', 'main').trim().split('\n');
    const expected = [
      ...Object.keys(versionFiles('alpha', '2.0.0', 3)).map((p) => `packages/alpha/${p}`),
      ...Object.keys(versionFiles('beta', '0.4.0', 3)).map((p) => `packages/beta/${p}`),
      'README.md',
      'deploy/id_rsa',
    ];
    expect(onMain.sort()).toEqual(expected.sort());
    expect(git(first.repo, 'show', 'main:packages/alpha/lib/part-0.js')).toContain('module.exports = 3;');
  });

  it('records five planted secrets by hash only', () => {
    expect(first.manifest.planted.map((p) => p.id)).toHaveLength(5);
    for (const p of first.manifest.planted) for (const h of p.sha256) expect(h).toMatch(/^[0-9a-f]{64}$/);
    const manifestText = readFileSync(join(first.repo, 'leakwatch-bench.json'), 'utf8');
    expect(manifestText).not.toMatch(new RegExp(['AK', 'IA[A-Z2-7]{16}'].join('')));
    expect(manifestText).not.toMatch(new RegExp(['gh', 'p_[A-Za-z0-9]{36}'].join('')));
  });

  it('builds the same commit ids again from the same spec, and reuses an up-to-date corpus', async () => {
    cpSync(join(root, 'a', 'tarballs'), join(root, 'b', 'tarballs'), { recursive: true });
    const { buildCorpus } = await load<CorpusModule>('build-scan-corpus.mjs');
    const second = await buildCorpus(SPEC, { dataDir: join(root, 'b') });
    expect(second.reused).toBe(false);
    expect(git(second.repo, 'rev-parse', '--all')).toBe(git(first.repo, 'rev-parse', '--all'));
    const third = await buildCorpus(SPEC, { dataDir: join(root, 'b') });
    expect(third.reused).toBe(true);
  });
});

describe('readTarball', () => {
  it.each(['gnu', 'ustar', 'pax'])('reads long paths and executable bits of a %s tarball', async (format) => {
    const long = `${'d'.repeat(90)}/${'e'.repeat(90)}/file.js`;
    const paths = format === 'ustar' ? long : `${long.replace('file.js', `${'f'.repeat(120)}.js`)}`;
    const dir = mkdtempSync(join(root, 'tar-'));
    makeTarball(dir, 'pkg', '1.0.0', { [paths]: 'x = 1\n', 'bin/run': '#!/bin/sh\n' }, format);
    const { readTarball } = await load<TarballModule>('read-tarball.mjs');
    const files = readTarball(join(dir, 'pkg-1.0.0.tgz'));
    expect(files.map((f) => f.path).sort()).toEqual(['bin/run', paths].sort());
    expect(files.find((f) => f.path === paths)?.data.toString()).toBe('x = 1\n');
    expect(files.map((f) => [f.path, f.executable])).toContainEqual(['bin/run', true]);
    expect(files.map((f) => [f.path, f.executable])).toContainEqual([paths, false]);
  });
});
